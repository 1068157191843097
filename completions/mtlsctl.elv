
use builtin;
use str;

set edit:completion:arg-completer[mtlsctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mtlsctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mtlsctl'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand property 'Create, list, show and delete properties (named groups of environments)'
            cand env 'Create, list, show, change and delete environments (PROPERTY/STAGE)'
            cand cert 'List, show, rotate, select, deploy, export and import client certificates'
            cand inspect 'Show the certificates in a PEM, DER or PKCS#12 file, or a server''s chain (--connect)'
            cand issuer 'The store''s local issuing CA: show, export, CRLs, import, rotate'
            cand request 'Make an HTTP request with a client certificate, as curl --cert --key does'
            cand datacenter 'Vendors'' datacenter public certificates: list, download, sync from the vendor''s API, forget'
            cand domain 'Configure mTLS domains for ''serve'': trusted CA and verification mode'
            cand rule 'Configure a domain''s ordered rules: criteria and behaviours (deny, add a header)'
            cand serve 'Run a local mTLS gateway for a domain: verification, rules, nginx-style variables'
            cand ca 'Keep a library of trusted CA certificates (for servers'' client auth and for --ca)'
            cand expiry 'Check everything in use for expiry; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
            cand state 'Move the state between the file and a secret store'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page, or write one page per subcommand to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;property'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a property'
            cand list 'List properties with their environments'
            cand show 'Show one property and its environments'
            cand delete 'Delete a property (refused while it has environments, unless --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;property;create'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;property;list'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;property;show'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;property;delete'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --force 'Also delete its environments and their certificates and keys'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;property;help'= {
            cand create 'Create a property'
            cand list 'List properties with their environments'
            cand show 'Show one property and its environments'
            cand delete 'Delete a property (refused while it has environments, unless --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;property;help;create'= {
        }
        &'mtlsctl;property;help;list'= {
        }
        &'mtlsctl;property;help;show'= {
        }
        &'mtlsctl;property;help;delete'= {
        }
        &'mtlsctl;property;help;help'= {
        }
        &'mtlsctl;env'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create an environment; a managed one gets its first certificate at once'
            cand list 'List environments, optionally of one property'
            cand show 'Show one environment'
            cand set 'Change an environment''s name or deploy settings (an empty value clears a setting)'
            cand delete 'Delete an environment with all its certificates and keys'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;env;create'= {
            cand --name 'Display name [default: "<property> <stage>"]'
            cand --host 'Who issues the certificates: mtlsctl''s issuer (managed) or you (self)'
            cand --key-type 'Key type of issued certificates'
            cand --validity 'Validity of issued certificates (90d, 12w, 1y, 397d)'
            cand --san 'Extra subject alternative name (DNS name, IP address, URI or email); repeatable'
            cand --deploy-dir 'Directory that ''cert deploy'' writes cert.pem, chain.pem and key.pem to'
            cand --deploy-hook 'Shell command that ''cert deploy'' runs after writing the files'
            cand --cert 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too'
            cand --key 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)'
            cand --chain 'Intermediate certificates (PEM), issuer first'
            cand --p12 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)'
            cand --password-file 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;env;list'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;env;show'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;env;set'= {
            cand --name 'New display name'
            cand --deploy-dir 'New deploy directory ('''' clears it)'
            cand --deploy-hook 'New deploy hook ('''' clears it)'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;env;delete'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;env;help'= {
            cand create 'Create an environment; a managed one gets its first certificate at once'
            cand list 'List environments, optionally of one property'
            cand show 'Show one environment'
            cand set 'Change an environment''s name or deploy settings (an empty value clears a setting)'
            cand delete 'Delete an environment with all its certificates and keys'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;env;help;create'= {
        }
        &'mtlsctl;env;help;list'= {
        }
        &'mtlsctl;env;help;show'= {
        }
        &'mtlsctl;env;help;set'= {
        }
        &'mtlsctl;env;help;delete'= {
        }
        &'mtlsctl;env;help;help'= {
        }
        &'mtlsctl;cert'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List certificates with expiry, status and deployment status'
            cand show 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)'
            cand rotate 'Issue a new certificate for a managed environment and make it current'
            cand select 'Make an obsolete certificate current again (expired ones are refused)'
            cand deploy 'Deploy the current certificate: write the deploy directory and run the hook'
            cand renew 'Rotate every managed environment (or the ones named) whose certificate is due'
            cand revoke 'Revoke a certificate: it can never be selected again and the issuer''s CRL lists it'
            cand sign 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR'
            cand export 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle'
            cand import 'Import a certificate obtained elsewhere into a self-hosted environment and make it current'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;cert;list'= {
            cand --status 'Only certificates with this status'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;cert;show'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;cert;rotate'= {
            cand --key-type 'Key type [default: the environment''s]'
            cand --validity 'Validity [default: the environment''s]'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;cert;select'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;cert;deploy'= {
            cand --hook-timeout 'How long the hook may run before it (and its process group) is killed'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --manual 'Record that the current certificate was deployed by hand'
            cand --force 'Deploy even when the current certificate is already the deployed one'
            cand --allow-shared-dir 'Write into a deploy directory that other users can write to (refused by default: they could swap the files)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;cert;renew'= {
            cand --within 'Renew what expires within this time (30d, 12h) or has spent this share of its lifetime (66%)'
            cand --hook-timeout 'How long the hook may run before it (and its process group) is killed'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --deploy 'Deploy each renewed environment'
            cand --dry-run 'Say what would be renewed; change nothing'
            cand --allow-shared-dir 'Write into a deploy directory that other users can write to (refused by default: they could swap the files)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;cert;revoke'= {
            cand --reason 'Why, as the CRL says it'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --rotate 'When it is the current certificate, rotate first (managed environments)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;cert;sign'= {
            cand --csr 'The certificate signing request (PEM or DER)'
            cand --validity 'Validity [default: the environment''s]'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;cert;export'= {
            cand --out 'Directory to write files to [default: stdout]'
            cand --format 'Output format'
            cand --password-file 'File whose first line is the PKCS#12 password'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --include-key 'Include the private key (always included in PKCS#12)'
            cand --allow-shared-dir 'Write a key into a directory that other users can write to (refused by default)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;cert;import'= {
            cand --cert 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too'
            cand --key 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)'
            cand --chain 'Intermediate certificates (PEM), issuer first'
            cand --p12 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)'
            cand --password-file 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;cert;help'= {
            cand list 'List certificates with expiry, status and deployment status'
            cand show 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)'
            cand rotate 'Issue a new certificate for a managed environment and make it current'
            cand select 'Make an obsolete certificate current again (expired ones are refused)'
            cand deploy 'Deploy the current certificate: write the deploy directory and run the hook'
            cand renew 'Rotate every managed environment (or the ones named) whose certificate is due'
            cand revoke 'Revoke a certificate: it can never be selected again and the issuer''s CRL lists it'
            cand sign 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR'
            cand export 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle'
            cand import 'Import a certificate obtained elsewhere into a self-hosted environment and make it current'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;cert;help;list'= {
        }
        &'mtlsctl;cert;help;show'= {
        }
        &'mtlsctl;cert;help;rotate'= {
        }
        &'mtlsctl;cert;help;select'= {
        }
        &'mtlsctl;cert;help;deploy'= {
        }
        &'mtlsctl;cert;help;renew'= {
        }
        &'mtlsctl;cert;help;revoke'= {
        }
        &'mtlsctl;cert;help;sign'= {
        }
        &'mtlsctl;cert;help;export'= {
        }
        &'mtlsctl;cert;help;import'= {
        }
        &'mtlsctl;cert;help;help'= {
        }
        &'mtlsctl;inspect'= {
            cand --connect 'Connect to a server and show its chain, TLS version and cipher, and client-certificate request'
            cand --servername 'Server name to send (SNI) with --connect [default: HOST]'
            cand --cacert 'Check the server''s chain against this CA file with --connect [default: system roots]'
            cand --password-file 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;issuer'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Show the issuer''s certificate details'
            cand export 'Write every issuer still trusted (PEM, the current one first) for servers to trust'
            cand crl 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer'
            cand import 'Make an existing CA (mkcert''s, step''s, your PKI''s) the issuer of new certificates'
            cand rotate 'Replace the issuer with a new one; the old one stays trusted until its certificates expire'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;issuer;show'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;issuer;export'= {
            cand --out 'Write to this file instead of stdout'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;issuer;crl'= {
            cand --out 'Write to this file (atomically) instead of stdout'
            cand --next-update 'How long the CRL is valid: its next update'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;issuer;import'= {
            cand --cert 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too'
            cand --key 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)'
            cand --chain 'Intermediate certificates (PEM), issuer first'
            cand --p12 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)'
            cand --password-file 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;issuer;rotate'= {
            cand --key-type 'Key type of the new issuer'
            cand --validity 'Validity of the new issuer [default: 10 years]'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;issuer;help'= {
            cand show 'Show the issuer''s certificate details'
            cand export 'Write every issuer still trusted (PEM, the current one first) for servers to trust'
            cand crl 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer'
            cand import 'Make an existing CA (mkcert''s, step''s, your PKI''s) the issuer of new certificates'
            cand rotate 'Replace the issuer with a new one; the old one stays trusted until its certificates expire'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;issuer;help;show'= {
        }
        &'mtlsctl;issuer;help;export'= {
        }
        &'mtlsctl;issuer;help;crl'= {
        }
        &'mtlsctl;issuer;help;import'= {
        }
        &'mtlsctl;issuer;help;rotate'= {
        }
        &'mtlsctl;issuer;help;help'= {
        }
        &'mtlsctl;request'= {
            cand -X 'Request method [default: GET, or POST with -d]'
            cand --request 'Request method [default: GET, or POST with -d]'
            cand -H 'Extra header ''Name: value'' (''Name:'' removes a default header); repeatable'
            cand --header 'Extra header ''Name: value'' (''Name:'' removes a default header); repeatable'
            cand -d 'Request body: a string, @FILE, or @- for stdin (sent as is; --data-binary is the same)'
            cand --data 'Request body: a string, @FILE, or @- for stdin (sent as is; --data-binary is the same)'
            cand --data-binary 'Request body: a string, @FILE, or @- for stdin (sent as is; --data-binary is the same)'
            cand -A 'The User-Agent header to send [default: mtlsctl/VERSION]'
            cand --user-agent 'The User-Agent header to send [default: mtlsctl/VERSION]'
            cand --max-redirs 'Follow at most this many redirects with -L (-1: no limit, as curl)'
            cand -w 'After the transfer, print this text with curl''s variables filled in: %{http_code}, %{time_total}, %{time_connect}, %{time_appconnect}, %{time_starttransfer}, %{time_namelookup}, %{size_download}, %{url_effective}, %{remote_ip}, %{remote_port}, %{http_version}, %{content_type}, %{num_redirects}; \n, \t and %% as in curl'
            cand --write-out 'After the transfer, print this text with curl''s variables filled in: %{http_code}, %{time_total}, %{time_connect}, %{time_appconnect}, %{time_starttransfer}, %{time_namelookup}, %{size_download}, %{url_effective}, %{remote_ip}, %{remote_port}, %{http_version}, %{content_type}, %{num_redirects}; \n, \t and %% as in curl'
            cand -o 'Write the body to FILE instead of stdout'
            cand --output 'Write the body to FILE instead of stdout'
            cand --env 'Use this environment''s current certificate'
            cand --cert-id 'Use this stored certificate (id prefix or variable name)'
            cand --cert 'Client certificate file (PEM, leaf first, chain after; or DER); without --key, the key is read from this file too (as curl does)'
            cand --key 'Private key of --cert (PEM or DER: PKCS#8, PKCS#1 or SEC1)'
            cand --p12 'Client certificate and key as PKCS#12'
            cand --cert-type 'The type of --cert, as curl takes it: PEM or DER (read either way), or P12 (--cert is then a PKCS#12 file, as --p12)'
            cand --pass 'The PKCS#12 password as curl --pass takes it; file:PATH and env:NAME keep it out of the process list (a literal password is visible to other users, and warned about)'
            cand --password-file 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]'
            cand --cacert 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]'
            cand --ca 'Trust this CA of the trusted CA library for the server'
            cand --pin 'Require the server''s public key to have this SHA-256 pin (sha256//BASE64[;sha256//...])'
            cand -x 'Go through this HTTP proxy ([http://][user:password@]host[:port]) [default: from https_proxy, http_proxy, all_proxy, as curl]; '''' for none'
            cand --proxy 'Go through this HTTP proxy ([http://][user:password@]host[:port]) [default: from https_proxy, http_proxy, all_proxy, as curl]; '''' for none'
            cand --noproxy 'Hosts reached without the proxy (comma-separated; a domain covers its subdomains; * for all) [default: from no_proxy]'
            cand --resolve 'Connect to ADDRESS for HOST:PORT (HOST:PORT:ADDRESS); repeatable'
            cand -m 'Give up when the whole transfer takes longer than this: seconds as curl takes them (10, 2.5) or a duration (10s, 1m)'
            cand --max-time 'Give up when the whole transfer takes longer than this: seconds as curl takes them (10, 2.5) or a duration (10s, 1m)'
            cand --timeout 'Give up when the whole transfer takes longer than this: seconds as curl takes them (10, 2.5) or a duration (10s, 1m)'
            cand --connect-timeout 'Give up when connecting (TCP and TLS) takes longer than this: seconds (2, 0.5) or a duration (2s); 0 for no limit, as curl'
            cand --retry 'Retry this many times on connection errors and on 408, 429, 500, 502, 503, 504'
            cand --retry-delay 'Wait before the first retry, doubling each time'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand -I 'Send a HEAD request and show the response headers (as curl -I)'
            cand --head 'Send a HEAD request and show the response headers (as curl -I)'
            cand -L 'Follow redirects (3xx with Location), as curl -L'
            cand --location 'Follow redirects (3xx with Location), as curl -L'
            cand -s 'Say nothing but the response and errors'' exit codes: no warnings, no error text (as curl -s)'
            cand --silent 'Say nothing but the response and errors'' exit codes: no warnings, no error text (as curl -s)'
            cand -S 'With -s, still print errors (as curl -S)'
            cand --show-error 'With -s, still print errors (as curl -S)'
            cand -i 'Include the status line and response headers in the output'
            cand --include 'Include the status line and response headers in the output'
            cand -f 'Exit 22 without the body when the HTTP status is 400 or more'
            cand --fail 'Exit 22 without the body when the HTTP status is 400 or more'
            cand -k 'Do not verify the server''s certificate (a warning is printed; --pin still applies)'
            cand --insecure 'Do not verify the server''s certificate (a warning is printed; --pin still applies)'
            cand --http1.1 'Use HTTP/1.1 only'
            cand --http2 'Use HTTP/2 (ALPN h2 over TLS; prior knowledge over http://)'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;datacenter'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the catalog: validity, days left, the recommended year, what was downloaded'
            cand download 'Download, verify and save a datacenter certificate (or all of one year)'
            cand sync 'Fetch the vendor''s public certificates from its mTLS Service API, verify and save them'
            cand forget 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;datacenter;list'= {
            cand --catalog 'Use this catalog (JSON) instead of the built-in one'
            cand --base-url 'Download from this base URL instead of the catalog''s'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;datacenter;download'= {
            cand --year 'Year of the certificate [default: the newest in the catalog]'
            cand --out 'File (one certificate) or directory to save to [default: the current directory]'
            cand --cacert 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]'
            cand --timeout 'Give up on a download after this long'
            cand --retry 'Retry this many times on connection errors, timeouts and 5xx'
            cand --catalog 'Use this catalog (JSON) instead of the built-in one'
            cand --base-url 'Download from this base URL instead of the catalog''s'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --allow-http 'Allow a plain http:// base URL'
            cand --allow-mismatch 'Save a certificate whose validity differs from the catalog''s window'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;datacenter;sync'= {
            cand --out 'Directory to save the certificates in [default: the saved one, else the current directory]'
            cand --org-id 'The organization id sent as x-gw-ims-org-id (ORG@AdobeOrg)'
            cand --client-id 'The OAuth client id (also sent as x-api-key)'
            cand --client-secret-file 'A file holding the client secret (else MTLSCTL_CLIENT_SECRET); the secret itself is never taken on the command line nor saved'
            cand --scope 'OAuth scopes, comma-separated, as the credential lists them [default: openid,AdobeID,read_organizations,additional_info.projectedProductContext,session]'
            cand --ims-url 'The token endpoint [default: https://ims-na1.adobelogin.com/ims/token/v3]'
            cand --api-url 'The API''s base URL [default: https://platform.adobe.io]'
            cand --cacert 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]'
            cand --on-change 'Run this command (sh -c) once when certificates are new or gone'
            cand --page-size 'How many certificates to ask for per page [default: 50]'
            cand --timeout 'Give up on one request after this long'
            cand --retry 'Retry this many times on connection errors, timeouts, 408, 429, 500, 502, 503 and 504'
            cand --hook-timeout 'How long --on-change may run before it (and its process group) is killed'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --save-settings 'Keep these settings (all but the secret itself) for the next syncs'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;datacenter;forget'= {
            cand --year 'Only this year [default: every year of it]'
            cand --catalog 'The catalog whose vendor downloaded it [default: the built-in one]'
            cand --vendor 'The vendor whose record it is, as ''datacenter list'' shows it (for synced certificates: the API''s host)'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;datacenter;help'= {
            cand list 'List the catalog: validity, days left, the recommended year, what was downloaded'
            cand download 'Download, verify and save a datacenter certificate (or all of one year)'
            cand sync 'Fetch the vendor''s public certificates from its mTLS Service API, verify and save them'
            cand forget 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;datacenter;help;list'= {
        }
        &'mtlsctl;datacenter;help;download'= {
        }
        &'mtlsctl;datacenter;help;sync'= {
        }
        &'mtlsctl;datacenter;help;forget'= {
        }
        &'mtlsctl;datacenter;help;help'= {
        }
        &'mtlsctl;domain'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a domain with its trusted CA (from the CA library)'
            cand list 'List domains'
            cand show 'Show a domain and its rules'
            cand set 'Change a domain''s CA or mode'
            cand remove 'Remove a domain and its rules'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;domain;add'= {
            cand --ca 'Trusted CA for client certificates (a name in ''mtlsctl ca list'')'
            cand --mode 'Client certificate verification'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;domain;list'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;domain;show'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;domain;set'= {
            cand --ca 'New trusted CA'
            cand --mode 'New verification mode'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;domain;remove'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;domain;help'= {
            cand add 'Add a domain with its trusted CA (from the CA library)'
            cand list 'List domains'
            cand show 'Show a domain and its rules'
            cand set 'Change a domain''s CA or mode'
            cand remove 'Remove a domain and its rules'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;domain;help;add'= {
        }
        &'mtlsctl;domain;help;list'= {
        }
        &'mtlsctl;domain;help;show'= {
        }
        &'mtlsctl;domain;help;set'= {
        }
        &'mtlsctl;domain;help;remove'= {
        }
        &'mtlsctl;domain;help;help'= {
        }
        &'mtlsctl;rule'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a rule at the end of a domain''s rules'
            cand list 'List a domain''s rules in order'
            cand remove 'Remove a rule'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;rule;add'= {
            cand --criteria 'A criterion: ''VARIABLE OPERATOR [VALUE]''; repeatable, all must hold'
            cand --behavior 'A behaviour: ''deny STATUS'' or ''add-request-header NAME TEMPLATE''; repeatable'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;rule;list'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;rule;remove'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;rule;help'= {
            cand add 'Add a rule at the end of a domain''s rules'
            cand list 'List a domain''s rules in order'
            cand remove 'Remove a rule'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;rule;help;add'= {
        }
        &'mtlsctl;rule;help;list'= {
        }
        &'mtlsctl;rule;help;remove'= {
        }
        &'mtlsctl;rule;help;help'= {
        }
        &'mtlsctl;serve'= {
            cand --listen 'Address to listen on (e.g. 127.0.0.1:8443; port 0 picks a free one)'
            cand --domain 'The domain to serve (see ''mtlsctl domain list'')'
            cand --cert 'Server certificate (PEM, chain after the leaf) [default: issued for HOST by the issuer]'
            cand --key 'Server key (PEM)'
            cand --upstream 'Proxy requests to this URL (http:// or https://) instead of echoing them'
            cand --log-format 'Access log format on stdout (requests and refused handshakes)'
            cand --handshake-timeout 'Close a connection whose TLS handshake takes longer (nginx: ssl_handshake_timeout)'
            cand --header-timeout 'Close an HTTP/1.1 connection whose request head takes longer to arrive, idle keep-alive included (nginx: client_header_timeout)'
            cand --keepalive-timeout 'Close a connection that stays idle longer (nginx: keepalive_timeout)'
            cand --max-header-size 'Largest request head, at least 8k (431 beyond; nginx: large_client_header_buffers)'
            cand --max-body-size 'Largest request body (413 beyond; 0 = no limit; nginx: client_max_body_size)'
            cand --max-connections 'Connections served at once; more are closed at once (nginx: worker_connections)'
            cand --max-streams 'Concurrent HTTP/2 streams per connection (nginx: http2_max_concurrent_streams)'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;ca'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add a CA certificate (PEM or DER) under a name'
            cand list 'List the trusted CAs'
            cand show 'Show one trusted CA'
            cand remove 'Remove a trusted CA (refused while a domain uses it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;ca;add'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --force 'Accept an expired CA certificate'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;ca;list'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;ca;show'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;ca;remove'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;ca;help'= {
            cand add 'Add a CA certificate (PEM or DER) under a name'
            cand list 'List the trusted CAs'
            cand show 'Show one trusted CA'
            cand remove 'Remove a trusted CA (refused while a domain uses it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;ca;help;add'= {
        }
        &'mtlsctl;ca;help;list'= {
        }
        &'mtlsctl;ca;help;show'= {
        }
        &'mtlsctl;ca;help;remove'= {
        }
        &'mtlsctl;ca;help;help'= {
        }
        &'mtlsctl;expiry'= {
            cand -w 'WARNING when something in use expires within this long (30d; a bare number is days, as check_ssl_cert takes it), or once this share of its lifetime is spent (66%, as step''s needs-renewal)'
            cand --warning 'WARNING when something in use expires within this long (30d; a bare number is days, as check_ssl_cert takes it), or once this share of its lifetime is spent (66%, as step''s needs-renewal)'
            cand -c 'CRITICAL when something in use expires within this long (7d, 7), or once this share of its lifetime is spent (90%)'
            cand --critical 'CRITICAL when something in use expires within this long (7d, 7), or once this share of its lifetime is spent (90%)'
            cand --format 'Output format (--json is the same as --format json)'
            cand --file 'Watch the certificates in this file too (PEM or DER); repeatable'
            cand --host 'Watch the certificate this TLS server presents too (port 443 when none is given); repeatable. A server that cannot be reached makes the check UNKNOWN'
            cand --output 'Write the report to FILE atomically instead of stdout (textfile collectors); on an error a Prometheus file says so, other formats leave the previous file as it was'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --allow-empty 'A missing state file is OK (nothing in use yet) instead of UNKNOWN'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'mtlsctl;state'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand copy 'Copy the whole state to (or from) another place, verified, never left half done'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;state;copy'= {
            cand --to 'Copy the state in use to this file or vault+https://... URL'
            cand --from 'Copy this file''s or vault+https://... URL''s state into the one in use'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;state;help'= {
            cand copy 'Copy the whole state to (or from) another place, verified, never left half done'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;state;help;copy'= {
        }
        &'mtlsctl;state;help;help'= {
        }
        &'mtlsctl;completions'= {
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;man'= {
            cand --out-dir 'Write mtlsctl.1 and mtlsctl-<subcommand>.1 pages here'
            cand --state 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]'
            cand --color 'When to colour output'
            cand --json 'Print machine-readable JSON on stdout'
            cand -q 'Print nothing but errors and requested data'
            cand --quiet 'Print nothing but errors and requested data'
            cand -v 'Say more about what is being done (on stderr)'
            cand --verbose 'Say more about what is being done (on stderr)'
            cand --wide 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'mtlsctl;help'= {
            cand property 'Create, list, show and delete properties (named groups of environments)'
            cand env 'Create, list, show, change and delete environments (PROPERTY/STAGE)'
            cand cert 'List, show, rotate, select, deploy, export and import client certificates'
            cand inspect 'Show the certificates in a PEM, DER or PKCS#12 file, or a server''s chain (--connect)'
            cand issuer 'The store''s local issuing CA: show, export, CRLs, import, rotate'
            cand request 'Make an HTTP request with a client certificate, as curl --cert --key does'
            cand datacenter 'Vendors'' datacenter public certificates: list, download, sync from the vendor''s API, forget'
            cand domain 'Configure mTLS domains for ''serve'': trusted CA and verification mode'
            cand rule 'Configure a domain''s ordered rules: criteria and behaviours (deny, add a header)'
            cand serve 'Run a local mTLS gateway for a domain: verification, rules, nginx-style variables'
            cand ca 'Keep a library of trusted CA certificates (for servers'' client auth and for --ca)'
            cand expiry 'Check everything in use for expiry; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
            cand state 'Move the state between the file and a secret store'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page, or write one page per subcommand to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mtlsctl;help;property'= {
            cand create 'Create a property'
            cand list 'List properties with their environments'
            cand show 'Show one property and its environments'
            cand delete 'Delete a property (refused while it has environments, unless --force)'
        }
        &'mtlsctl;help;property;create'= {
        }
        &'mtlsctl;help;property;list'= {
        }
        &'mtlsctl;help;property;show'= {
        }
        &'mtlsctl;help;property;delete'= {
        }
        &'mtlsctl;help;env'= {
            cand create 'Create an environment; a managed one gets its first certificate at once'
            cand list 'List environments, optionally of one property'
            cand show 'Show one environment'
            cand set 'Change an environment''s name or deploy settings (an empty value clears a setting)'
            cand delete 'Delete an environment with all its certificates and keys'
        }
        &'mtlsctl;help;env;create'= {
        }
        &'mtlsctl;help;env;list'= {
        }
        &'mtlsctl;help;env;show'= {
        }
        &'mtlsctl;help;env;set'= {
        }
        &'mtlsctl;help;env;delete'= {
        }
        &'mtlsctl;help;cert'= {
            cand list 'List certificates with expiry, status and deployment status'
            cand show 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)'
            cand rotate 'Issue a new certificate for a managed environment and make it current'
            cand select 'Make an obsolete certificate current again (expired ones are refused)'
            cand deploy 'Deploy the current certificate: write the deploy directory and run the hook'
            cand renew 'Rotate every managed environment (or the ones named) whose certificate is due'
            cand revoke 'Revoke a certificate: it can never be selected again and the issuer''s CRL lists it'
            cand sign 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR'
            cand export 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle'
            cand import 'Import a certificate obtained elsewhere into a self-hosted environment and make it current'
        }
        &'mtlsctl;help;cert;list'= {
        }
        &'mtlsctl;help;cert;show'= {
        }
        &'mtlsctl;help;cert;rotate'= {
        }
        &'mtlsctl;help;cert;select'= {
        }
        &'mtlsctl;help;cert;deploy'= {
        }
        &'mtlsctl;help;cert;renew'= {
        }
        &'mtlsctl;help;cert;revoke'= {
        }
        &'mtlsctl;help;cert;sign'= {
        }
        &'mtlsctl;help;cert;export'= {
        }
        &'mtlsctl;help;cert;import'= {
        }
        &'mtlsctl;help;inspect'= {
        }
        &'mtlsctl;help;issuer'= {
            cand show 'Show the issuer''s certificate details'
            cand export 'Write every issuer still trusted (PEM, the current one first) for servers to trust'
            cand crl 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer'
            cand import 'Make an existing CA (mkcert''s, step''s, your PKI''s) the issuer of new certificates'
            cand rotate 'Replace the issuer with a new one; the old one stays trusted until its certificates expire'
        }
        &'mtlsctl;help;issuer;show'= {
        }
        &'mtlsctl;help;issuer;export'= {
        }
        &'mtlsctl;help;issuer;crl'= {
        }
        &'mtlsctl;help;issuer;import'= {
        }
        &'mtlsctl;help;issuer;rotate'= {
        }
        &'mtlsctl;help;request'= {
        }
        &'mtlsctl;help;datacenter'= {
            cand list 'List the catalog: validity, days left, the recommended year, what was downloaded'
            cand download 'Download, verify and save a datacenter certificate (or all of one year)'
            cand sync 'Fetch the vendor''s public certificates from its mTLS Service API, verify and save them'
            cand forget 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)'
        }
        &'mtlsctl;help;datacenter;list'= {
        }
        &'mtlsctl;help;datacenter;download'= {
        }
        &'mtlsctl;help;datacenter;sync'= {
        }
        &'mtlsctl;help;datacenter;forget'= {
        }
        &'mtlsctl;help;domain'= {
            cand add 'Add a domain with its trusted CA (from the CA library)'
            cand list 'List domains'
            cand show 'Show a domain and its rules'
            cand set 'Change a domain''s CA or mode'
            cand remove 'Remove a domain and its rules'
        }
        &'mtlsctl;help;domain;add'= {
        }
        &'mtlsctl;help;domain;list'= {
        }
        &'mtlsctl;help;domain;show'= {
        }
        &'mtlsctl;help;domain;set'= {
        }
        &'mtlsctl;help;domain;remove'= {
        }
        &'mtlsctl;help;rule'= {
            cand add 'Add a rule at the end of a domain''s rules'
            cand list 'List a domain''s rules in order'
            cand remove 'Remove a rule'
        }
        &'mtlsctl;help;rule;add'= {
        }
        &'mtlsctl;help;rule;list'= {
        }
        &'mtlsctl;help;rule;remove'= {
        }
        &'mtlsctl;help;serve'= {
        }
        &'mtlsctl;help;ca'= {
            cand add 'Add a CA certificate (PEM or DER) under a name'
            cand list 'List the trusted CAs'
            cand show 'Show one trusted CA'
            cand remove 'Remove a trusted CA (refused while a domain uses it)'
        }
        &'mtlsctl;help;ca;add'= {
        }
        &'mtlsctl;help;ca;list'= {
        }
        &'mtlsctl;help;ca;show'= {
        }
        &'mtlsctl;help;ca;remove'= {
        }
        &'mtlsctl;help;expiry'= {
        }
        &'mtlsctl;help;state'= {
            cand copy 'Copy the whole state to (or from) another place, verified, never left half done'
        }
        &'mtlsctl;help;state;copy'= {
        }
        &'mtlsctl;help;completions'= {
        }
        &'mtlsctl;help;man'= {
        }
        &'mtlsctl;help;help'= {
        }
    ]
    $completions[$command]
}
