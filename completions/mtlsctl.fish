# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mtlsctl_global_optspecs
    string join \n state= json q/quiet v/verbose color= wide h/help V/version
end

function __fish_mtlsctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mtlsctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mtlsctl_using_subcommand
    set -l cmd (__fish_mtlsctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -s V -l version -d 'Print version'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "property" -d 'Create, list, show and delete properties (named groups of environments)'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "env" -d 'Create, list, show, change and delete environments (PROPERTY/STAGE)'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "cert" -d 'List, show, rotate, select, deploy, export and import client certificates'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "inspect" -d 'Show the certificates in a PEM, DER or PKCS#12 file, or a server\'s chain (--connect)'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "issuer" -d 'The store\'s local issuing CA: show, export, CRLs, import, rotate'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "request" -d 'Make an HTTP request with a client certificate, as curl --cert --key does'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "datacenter" -d 'Vendors\' datacenter public certificates: list, download, sync from the vendor\'s API, forget'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "domain" -d 'Configure mTLS domains for \'serve\': trusted CA and verification mode'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "rule" -d 'Configure a domain\'s ordered rules: criteria and behaviours (deny, add a header)'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "serve" -d 'Run a local mTLS gateway for a domain: verification, rules, nginx-style variables'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "ca" -d 'Keep a library of trusted CA certificates (for servers\' client auth and for --ca)'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "expiry" -d 'Check everything in use for expiry; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "state" -d 'Move the state between the file and a secret store'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "man" -d 'Print the man page, or write one page per subcommand to a directory'
complete -c mtlsctl -n "__fish_mtlsctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -f -a "create" -d 'Create a property'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -f -a "list" -d 'List properties with their environments'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -f -a "show" -d 'Show one property and its environments'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -f -a "delete" -d 'Delete a property (refused while it has environments, unless --force)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and not __fish_seen_subcommand_from create list show delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from create" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from create" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from create" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from create" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from list" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from show" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from show" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from delete" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from delete" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from delete" -l force -d 'Also delete its environments and their certificates and keys'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from delete" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from delete" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a property'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from help" -f -a "list" -d 'List properties with their environments'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one property and its environments'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a property (refused while it has environments, unless --force)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand property; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -f -a "create" -d 'Create an environment; a managed one gets its first certificate at once'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -f -a "list" -d 'List environments, optionally of one property'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -f -a "show" -d 'Show one environment'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -f -a "set" -d 'Change an environment\'s name or deploy settings (an empty value clears a setting)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -f -a "delete" -d 'Delete an environment with all its certificates and keys'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and not __fish_seen_subcommand_from create list show set delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l name -d 'Display name [default: "<property> <stage>"]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l host -d 'Who issues the certificates: mtlsctl\'s issuer (managed) or you (self)' -r -f -a "managed\t'mtlsctl\'s local issuer signs them'
self\t'the user imports certificates obtained elsewhere'"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l key-type -d 'Key type of issued certificates' -r -f -a "ec-p256\t''
ec-p384\t''
ed25519\t''
rsa-2048\t''
rsa-3072\t''
rsa-4096\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l validity -d 'Validity of issued certificates (90d, 12w, 1y, 397d)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l san -d 'Extra subject alternative name (DNS name, IP address, URI or email); repeatable' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l deploy-dir -d 'Directory that \'cert deploy\' writes cert.pem, chain.pem and key.pem to' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l deploy-hook -d 'Shell command that \'cert deploy\' runs after writing the files' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l cert -d 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l key -d 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l chain -d 'Intermediate certificates (PEM), issuer first' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l p12 -d 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l password-file -d 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from list" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from show" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from show" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -l name -d 'New display name' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -l deploy-dir -d 'New deploy directory (\'\' clears it)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -l deploy-hook -d 'New deploy hook (\'\' clears it)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from delete" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from delete" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from delete" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from delete" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an environment; a managed one gets its first certificate at once'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "list" -d 'List environments, optionally of one property'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one environment'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change an environment\'s name or deploy settings (an empty value clears a setting)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete an environment with all its certificates and keys'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand env; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "list" -d 'List certificates with expiry, status and deployment status'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "show" -d 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "rotate" -d 'Issue a new certificate for a managed environment and make it current'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "select" -d 'Make an obsolete certificate current again (expired ones are refused)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "deploy" -d 'Deploy the current certificate: write the deploy directory and run the hook'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "renew" -d 'Rotate every managed environment (or the ones named) whose certificate is due'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "revoke" -d 'Revoke a certificate: it can never be selected again and the issuer\'s CRL lists it'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "sign" -d 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "export" -d 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "import" -d 'Import a certificate obtained elsewhere into a self-hosted environment and make it current'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and not __fish_seen_subcommand_from list show rotate select deploy renew revoke sign export import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from list" -l status -d 'Only certificates with this status' -r -f -a "current\t'the certificate its environment uses'
obsolete\t'not in use, not expired: it can be selected again'
expired\t'past its not-after time'
revoked\t'revoked: never used again, listed in the issuer\'s CRL until it expires'"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from list" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from show" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from show" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -l key-type -d 'Key type [default: the environment\'s]' -r -f -a "ec-p256\t''
ec-p384\t''
ed25519\t''
rsa-2048\t''
rsa-3072\t''
rsa-4096\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -l validity -d 'Validity [default: the environment\'s]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from select" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from select" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from select" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from select" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from select" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from select" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from select" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -l hook-timeout -d 'How long the hook may run before it (and its process group) is killed' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -l manual -d 'Record that the current certificate was deployed by hand'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -l force -d 'Deploy even when the current certificate is already the deployed one'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -l allow-shared-dir -d 'Write into a deploy directory that other users can write to (refused by default: they could swap the files)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from deploy" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l within -d 'Renew what expires within this time (30d, 12h) or has spent this share of its lifetime (66%)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l hook-timeout -d 'How long the hook may run before it (and its process group) is killed' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l deploy -d 'Deploy each renewed environment'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l dry-run -d 'Say what would be renewed; change nothing'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l allow-shared-dir -d 'Write into a deploy directory that other users can write to (refused by default: they could swap the files)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from renew" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -l reason -d 'Why, as the CRL says it' -r -f -a "key-compromise\t'its private key leaked, or may have'
superseded\t'replaced by another certificate'
cessation-of-operation\t'no longer needed'
unspecified\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -l rotate -d 'When it is the current certificate, rotate first (managed environments)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -l csr -d 'The certificate signing request (PEM or DER)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -l validity -d 'Validity [default: the environment\'s]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l out -d 'Directory to write files to [default: stdout]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l format -d 'Output format' -r -f -a "pem\t''
p12\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l password-file -d 'File whose first line is the PKCS#12 password' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l include-key -d 'Include the private key (always included in PKCS#12)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l allow-shared-dir -d 'Write a key into a directory that other users can write to (refused by default)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l cert -d 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l key -d 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l chain -d 'Intermediate certificates (PEM), issuer first' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l p12 -d 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l password-file -d 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "list" -d 'List certificates with expiry, status and deployment status'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Issue a new certificate for a managed environment and make it current'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "select" -d 'Make an obsolete certificate current again (expired ones are refused)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "deploy" -d 'Deploy the current certificate: write the deploy directory and run the hook'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "renew" -d 'Rotate every managed environment (or the ones named) whose certificate is due'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a certificate: it can never be selected again and the issuer\'s CRL lists it'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "export" -d 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import a certificate obtained elsewhere into a self-hosted environment and make it current'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand cert; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -l connect -d 'Connect to a server and show its chain, TLS version and cipher, and client-certificate request' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -l servername -d 'Server name to send (SNI) with --connect [default: HOST]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -l cacert -d 'Check the server\'s chain against this CA file with --connect [default: system roots]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -l password-file -d 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -f -a "show" -d 'Show the issuer\'s certificate details'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -f -a "export" -d 'Write every issuer still trusted (PEM, the current one first) for servers to trust'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -f -a "crl" -d 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -f -a "import" -d 'Make an existing CA (mkcert\'s, step\'s, your PKI\'s) the issuer of new certificates'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -f -a "rotate" -d 'Replace the issuer with a new one; the old one stays trusted until its certificates expire'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and not __fish_seen_subcommand_from show export crl import rotate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from show" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from show" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from export" -l out -d 'Write to this file instead of stdout' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from export" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from export" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from export" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from export" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -l out -d 'Write to this file (atomically) instead of stdout' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -l next-update -d 'How long the CRL is valid: its next update' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from crl" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l cert -d 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l key -d 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l chain -d 'Intermediate certificates (PEM), issuer first' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l p12 -d 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l password-file -d 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -l key-type -d 'Key type of the new issuer' -r -f -a "ec-p256\t''
ec-p384\t''
ed25519\t''
rsa-2048\t''
rsa-3072\t''
rsa-4096\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -l validity -d 'Validity of the new issuer [default: 10 years]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the issuer\'s certificate details'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every issuer still trusted (PEM, the current one first) for servers to trust'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "crl" -d 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "import" -d 'Make an existing CA (mkcert\'s, step\'s, your PKI\'s) the issuer of new certificates'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Replace the issuer with a new one; the old one stays trusted until its certificates expire'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand issuer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s X -l request -d 'Request method [default: GET, or POST with -d]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s H -l header -d 'Extra header \'Name: value\' (\'Name:\' removes a default header); repeatable' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s d -l data -l data-binary -d 'Request body: a string, @FILE, or @- for stdin (sent as is; --data-binary is the same)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s A -l user-agent -d 'The User-Agent header to send [default: mtlsctl/VERSION]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l max-redirs -d 'Follow at most this many redirects with -L (-1: no limit, as curl)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s w -l write-out -d 'After the transfer, print this text with curl\'s variables filled in: %{http_code}, %{time_total}, %{time_connect}, %{time_appconnect}, %{time_starttransfer}, %{time_namelookup}, %{size_download}, %{url_effective}, %{remote_ip}, %{remote_port}, %{http_version}, %{content_type}, %{num_redirects}; \\n, \\t and %% as in curl' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s o -l output -d 'Write the body to FILE instead of stdout' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l env -d 'Use this environment\'s current certificate' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l cert-id -d 'Use this stored certificate (id prefix or variable name)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l cert -d 'Client certificate file (PEM, leaf first, chain after; or DER); without --key, the key is read from this file too (as curl does)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l key -d 'Private key of --cert (PEM or DER: PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l p12 -d 'Client certificate and key as PKCS#12' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l cert-type -d 'The type of --cert, as curl takes it: PEM or DER (read either way), or P12 (--cert is then a PKCS#12 file, as --p12)' -r -f -a "PEM\t''
DER\t''
P12\t''
pem\t''
der\t''
p12\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l pass -d 'The PKCS#12 password as curl --pass takes it; file:PATH and env:NAME keep it out of the process list (a literal password is visible to other users, and warned about)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l password-file -d 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l cacert -d 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l ca -d 'Trust this CA of the trusted CA library for the server' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l pin -d 'Require the server\'s public key to have this SHA-256 pin (sha256//BASE64[;sha256//...])' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s x -l proxy -d 'Go through this HTTP proxy ([http://][user:password@]host[:port]) [default: from https_proxy, http_proxy, all_proxy, as curl]; \'\' for none' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l noproxy -d 'Hosts reached without the proxy (comma-separated; a domain covers its subdomains; * for all) [default: from no_proxy]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l resolve -d 'Connect to ADDRESS for HOST:PORT (HOST:PORT:ADDRESS); repeatable' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s m -l max-time -l timeout -d 'Give up when the whole transfer takes longer than this: seconds as curl takes them (10, 2.5) or a duration (10s, 1m)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l connect-timeout -d 'Give up when connecting (TCP and TLS) takes longer than this: seconds (2, 0.5) or a duration (2s); 0 for no limit, as curl' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l retry -d 'Retry this many times on connection errors and on 408, 429, 500, 502, 503, 504' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l retry-delay -d 'Wait before the first retry, doubling each time' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s I -l head -d 'Send a HEAD request and show the response headers (as curl -I)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s L -l location -d 'Follow redirects (3xx with Location), as curl -L'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s s -l silent -d 'Say nothing but the response and errors\' exit codes: no warnings, no error text (as curl -s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s S -l show-error -d 'With -s, still print errors (as curl -S)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s i -l include -d 'Include the status line and response headers in the output'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s f -l fail -d 'Exit 22 without the body when the HTTP status is 400 or more'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s k -l insecure -d 'Do not verify the server\'s certificate (a warning is printed; --pin still applies)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l http1.1 -d 'Use HTTP/1.1 only'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l http2 -d 'Use HTTP/2 (ALPN h2 over TLS; prior knowledge over http://)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand request" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -f -a "list" -d 'List the catalog: validity, days left, the recommended year, what was downloaded'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -f -a "download" -d 'Download, verify and save a datacenter certificate (or all of one year)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -f -a "sync" -d 'Fetch the vendor\'s public certificates from its mTLS Service API, verify and save them'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -f -a "forget" -d 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and not __fish_seen_subcommand_from list download sync forget help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -l catalog -d 'Use this catalog (JSON) instead of the built-in one' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -l base-url -d 'Download from this base URL instead of the catalog\'s' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l year -d 'Year of the certificate [default: the newest in the catalog]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l out -d 'File (one certificate) or directory to save to [default: the current directory]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l cacert -d 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l timeout -d 'Give up on a download after this long' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l retry -d 'Retry this many times on connection errors, timeouts and 5xx' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l catalog -d 'Use this catalog (JSON) instead of the built-in one' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l base-url -d 'Download from this base URL instead of the catalog\'s' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l allow-http -d 'Allow a plain http:// base URL'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l allow-mismatch -d 'Save a certificate whose validity differs from the catalog\'s window'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from download" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l out -d 'Directory to save the certificates in [default: the saved one, else the current directory]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l org-id -d 'The organization id sent as x-gw-ims-org-id (ORG@AdobeOrg)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l client-id -d 'The OAuth client id (also sent as x-api-key)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l client-secret-file -d 'A file holding the client secret (else MTLSCTL_CLIENT_SECRET); the secret itself is never taken on the command line nor saved' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l scope -d 'OAuth scopes, comma-separated, as the credential lists them [default: openid,AdobeID,read_organizations,additional_info.projectedProductContext,session]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l ims-url -d 'The token endpoint [default: https://ims-na1.adobelogin.com/ims/token/v3]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l api-url -d 'The API\'s base URL [default: https://platform.adobe.io]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l cacert -d 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l on-change -d 'Run this command (sh -c) once when certificates are new or gone' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l page-size -d 'How many certificates to ask for per page [default: 50]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l timeout -d 'Give up on one request after this long' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l retry -d 'Retry this many times on connection errors, timeouts, 408, 429, 500, 502, 503 and 504' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l hook-timeout -d 'How long --on-change may run before it (and its process group) is killed' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l save-settings -d 'Keep these settings (all but the secret itself) for the next syncs'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -l year -d 'Only this year [default: every year of it]' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -l catalog -d 'The catalog whose vendor downloaded it [default: the built-in one]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -l vendor -d 'The vendor whose record it is, as \'datacenter list\' shows it (for synced certificates: the API\'s host)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from forget" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the catalog: validity, days left, the recommended year, what was downloaded'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from help" -f -a "download" -d 'Download, verify and save a datacenter certificate (or all of one year)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Fetch the vendor\'s public certificates from its mTLS Service API, verify and save them'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from help" -f -a "forget" -d 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand datacenter; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -f -a "add" -d 'Add a domain with its trusted CA (from the CA library)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -f -a "list" -d 'List domains'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -f -a "show" -d 'Show a domain and its rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -f -a "set" -d 'Change a domain\'s CA or mode'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -f -a "remove" -d 'Remove a domain and its rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and not __fish_seen_subcommand_from add list show set remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -l ca -d 'Trusted CA for client certificates (a name in \'mtlsctl ca list\')' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -l mode -d 'Client certificate verification' -r -f -a "enforce\t'the handshake fails without a certificate that chains to the domain\'s CA'
permissive\t'the handshake is accepted; rules decide with the verification result'"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from list" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from show" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from show" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -l ca -d 'New trusted CA' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -l mode -d 'New verification mode' -r -f -a "enforce\t'the handshake fails without a certificate that chains to the domain\'s CA'
permissive\t'the handshake is accepted; rules decide with the verification result'"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from remove" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from remove" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from remove" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a domain with its trusted CA (from the CA library)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from help" -f -a "list" -d 'List domains'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a domain and its rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a domain\'s CA or mode'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a domain and its rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand domain; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -f -a "add" -d 'Add a rule at the end of a domain\'s rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -f -a "list" -d 'List a domain\'s rules in order'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -f -a "remove" -d 'Remove a rule'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and not __fish_seen_subcommand_from add list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -l criteria -d 'A criterion: \'VARIABLE OPERATOR [VALUE]\'; repeatable, all must hold' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -l behavior -d 'A behaviour: \'deny STATUS\' or \'add-request-header NAME TEMPLATE\'; repeatable' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from list" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from remove" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from remove" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from remove" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a rule at the end of a domain\'s rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a domain\'s rules in order'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a rule'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand rule; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l listen -d 'Address to listen on (e.g. 127.0.0.1:8443; port 0 picks a free one)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l domain -d 'The domain to serve (see \'mtlsctl domain list\')' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l cert -d 'Server certificate (PEM, chain after the leaf) [default: issued for HOST by the issuer]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l key -d 'Server key (PEM)' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l upstream -d 'Proxy requests to this URL (http:// or https://) instead of echoing them' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l log-format -d 'Access log format on stdout (requests and refused handshakes)' -r -f -a "text\t''
json\t''
off\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l handshake-timeout -d 'Close a connection whose TLS handshake takes longer (nginx: ssl_handshake_timeout)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l header-timeout -d 'Close an HTTP/1.1 connection whose request head takes longer to arrive, idle keep-alive included (nginx: client_header_timeout)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l keepalive-timeout -d 'Close a connection that stays idle longer (nginx: keepalive_timeout)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l max-header-size -d 'Largest request head, at least 8k (431 beyond; nginx: large_client_header_buffers)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l max-body-size -d 'Largest request body (413 beyond; 0 = no limit; nginx: client_max_body_size)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l max-connections -d 'Connections served at once; more are closed at once (nginx: worker_connections)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l max-streams -d 'Concurrent HTTP/2 streams per connection (nginx: http2_max_concurrent_streams)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -f -a "add" -d 'Add a CA certificate (PEM or DER) under a name'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -f -a "list" -d 'List the trusted CAs'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -f -a "show" -d 'Show one trusted CA'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -f -a "remove" -d 'Remove a trusted CA (refused while a domain uses it)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and not __fish_seen_subcommand_from add list show remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from add" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from add" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from add" -l force -d 'Accept an expired CA certificate'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from add" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from add" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from list" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from list" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from list" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from show" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from show" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from show" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from remove" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from remove" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from remove" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from remove" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a CA certificate (PEM or DER) under a name'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the trusted CAs'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one trusted CA'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a trusted CA (refused while a domain uses it)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand ca; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -s w -l warning -d 'WARNING when something in use expires within this long (30d; a bare number is days, as check_ssl_cert takes it), or once this share of its lifetime is spent (66%, as step\'s needs-renewal)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -s c -l critical -d 'CRITICAL when something in use expires within this long (7d, 7), or once this share of its lifetime is spent (90%)' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l format -d 'Output format (--json is the same as --format json)' -r -f -a "table\t''
json\t''
prometheus\t''
nagios\t'One status line with performance data, as monitoring plugins print it'"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l file -d 'Watch the certificates in this file too (PEM or DER); repeatable' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l host -d 'Watch the certificate this TLS server presents too (port 443 when none is given); repeatable. A server that cannot be reached makes the check UNKNOWN' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l output -d 'Write the report to FILE atomically instead of stdout (textfile collectors); on an error a Prometheus file says so, other formats leave the previous file as it was' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l allow-empty -d 'A missing state file is OK (nothing in use yet) instead of UNKNOWN'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand expiry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -f -a "copy" -d 'Copy the whole state to (or from) another place, verified, never left half done'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and not __fish_seen_subcommand_from copy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -l to -d 'Copy the state in use to this file or vault+https://... URL' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -l from -d 'Copy this file\'s or vault+https://... URL\'s state into the one in use' -r
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy the whole state to (or from) another place, verified, never left half done'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand completions" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand completions" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand completions" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand completions" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand completions" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand completions" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand man" -l out-dir -d 'Write mtlsctl.1 and mtlsctl-<subcommand>.1 pages here' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand man" -l state -d 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]' -r -F
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand man" -l color -d 'When to colour output' -r -f -a "auto\t''
always\t''
never\t''"
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand man" -l json -d 'Print machine-readable JSON on stdout'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand man" -s q -l quiet -d 'Print nothing but errors and requested data'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand man" -s v -l verbose -d 'Say more about what is being done (on stderr)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand man" -l wide -d 'Show every table column in full, whatever the terminal\'s width (as kubectl\'s -o wide; tables sent to a pipe or file are always in full)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand man" -s h -l help -d 'Print help'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "property" -d 'Create, list, show and delete properties (named groups of environments)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "env" -d 'Create, list, show, change and delete environments (PROPERTY/STAGE)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "cert" -d 'List, show, rotate, select, deploy, export and import client certificates'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "inspect" -d 'Show the certificates in a PEM, DER or PKCS#12 file, or a server\'s chain (--connect)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "issuer" -d 'The store\'s local issuing CA: show, export, CRLs, import, rotate'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "request" -d 'Make an HTTP request with a client certificate, as curl --cert --key does'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "datacenter" -d 'Vendors\' datacenter public certificates: list, download, sync from the vendor\'s API, forget'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "domain" -d 'Configure mTLS domains for \'serve\': trusted CA and verification mode'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "rule" -d 'Configure a domain\'s ordered rules: criteria and behaviours (deny, add a header)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "serve" -d 'Run a local mTLS gateway for a domain: verification, rules, nginx-style variables'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "ca" -d 'Keep a library of trusted CA certificates (for servers\' client auth and for --ca)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "expiry" -d 'Check everything in use for expiry; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "state" -d 'Move the state between the file and a secret store'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "man" -d 'Print the man page, or write one page per subcommand to a directory'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and not __fish_seen_subcommand_from property env cert inspect issuer request datacenter domain rule serve ca expiry state completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from property" -f -a "create" -d 'Create a property'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from property" -f -a "list" -d 'List properties with their environments'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from property" -f -a "show" -d 'Show one property and its environments'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from property" -f -a "delete" -d 'Delete a property (refused while it has environments, unless --force)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "create" -d 'Create an environment; a managed one gets its first certificate at once'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "list" -d 'List environments, optionally of one property'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "show" -d 'Show one environment'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "set" -d 'Change an environment\'s name or deploy settings (an empty value clears a setting)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from env" -f -a "delete" -d 'Delete an environment with all its certificates and keys'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "list" -d 'List certificates with expiry, status and deployment status'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "show" -d 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "rotate" -d 'Issue a new certificate for a managed environment and make it current'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "select" -d 'Make an obsolete certificate current again (expired ones are refused)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "deploy" -d 'Deploy the current certificate: write the deploy directory and run the hook'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "renew" -d 'Rotate every managed environment (or the ones named) whose certificate is due'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "revoke" -d 'Revoke a certificate: it can never be selected again and the issuer\'s CRL lists it'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "sign" -d 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "export" -d 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from cert" -f -a "import" -d 'Import a certificate obtained elsewhere into a self-hosted environment and make it current'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from issuer" -f -a "show" -d 'Show the issuer\'s certificate details'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from issuer" -f -a "export" -d 'Write every issuer still trusted (PEM, the current one first) for servers to trust'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from issuer" -f -a "crl" -d 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from issuer" -f -a "import" -d 'Make an existing CA (mkcert\'s, step\'s, your PKI\'s) the issuer of new certificates'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from issuer" -f -a "rotate" -d 'Replace the issuer with a new one; the old one stays trusted until its certificates expire'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from datacenter" -f -a "list" -d 'List the catalog: validity, days left, the recommended year, what was downloaded'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from datacenter" -f -a "download" -d 'Download, verify and save a datacenter certificate (or all of one year)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from datacenter" -f -a "sync" -d 'Fetch the vendor\'s public certificates from its mTLS Service API, verify and save them'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from datacenter" -f -a "forget" -d 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from domain" -f -a "add" -d 'Add a domain with its trusted CA (from the CA library)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from domain" -f -a "list" -d 'List domains'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from domain" -f -a "show" -d 'Show a domain and its rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from domain" -f -a "set" -d 'Change a domain\'s CA or mode'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from domain" -f -a "remove" -d 'Remove a domain and its rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "add" -d 'Add a rule at the end of a domain\'s rules'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "list" -d 'List a domain\'s rules in order'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from rule" -f -a "remove" -d 'Remove a rule'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from ca" -f -a "add" -d 'Add a CA certificate (PEM or DER) under a name'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from ca" -f -a "list" -d 'List the trusted CAs'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from ca" -f -a "show" -d 'Show one trusted CA'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from ca" -f -a "remove" -d 'Remove a trusted CA (refused while a domain uses it)'
complete -c mtlsctl -n "__fish_mtlsctl_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "copy" -d 'Copy the whole state to (or from) another place, verified, never left half done'
