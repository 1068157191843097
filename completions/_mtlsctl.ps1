
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mtlsctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mtlsctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mtlsctl' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('property', 'property', [CompletionResultType]::ParameterValue, 'Create, list, show and delete properties (named groups of environments)')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Create, list, show, change and delete environments (PROPERTY/STAGE)')
            [CompletionResult]::new('cert', 'cert', [CompletionResultType]::ParameterValue, 'List, show, rotate, select, deploy, export and import client certificates')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show the certificates in a PEM, DER or PKCS#12 file, or a server''s chain (--connect)')
            [CompletionResult]::new('issuer', 'issuer', [CompletionResultType]::ParameterValue, 'The store''s local issuing CA: show, export, CRLs, import, rotate')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Make an HTTP request with a client certificate, as curl --cert --key does')
            [CompletionResult]::new('datacenter', 'datacenter', [CompletionResultType]::ParameterValue, 'Vendors'' datacenter public certificates: list, download, sync from the vendor''s API, forget')
            [CompletionResult]::new('domain', 'domain', [CompletionResultType]::ParameterValue, 'Configure mTLS domains for ''serve'': trusted CA and verification mode')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Configure a domain''s ordered rules: criteria and behaviours (deny, add a header)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run a local mTLS gateway for a domain: verification, rules, nginx-style variables')
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'Keep a library of trusted CA certificates (for servers'' client auth and for --ca)')
            [CompletionResult]::new('expiry', 'expiry', [CompletionResultType]::ParameterValue, 'Check everything in use for expiry; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Move the state between the file and a secret store')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write one page per subcommand to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;property' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a property')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List properties with their environments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one property and its environments')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a property (refused while it has environments, unless --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;property;create' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;property;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;property;show' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;property;delete' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also delete its environments and their certificates and keys')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;property;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a property')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List properties with their environments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one property and its environments')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a property (refused while it has environments, unless --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;property;help;create' {
            break
        }
        'mtlsctl;property;help;list' {
            break
        }
        'mtlsctl;property;help;show' {
            break
        }
        'mtlsctl;property;help;delete' {
            break
        }
        'mtlsctl;property;help;help' {
            break
        }
        'mtlsctl;env' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an environment; a managed one gets its first certificate at once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List environments, optionally of one property')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one environment')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change an environment''s name or deploy settings (an empty value clears a setting)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an environment with all its certificates and keys')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;env;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name [default: "<property> <stage>"]')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Who issues the certificates: mtlsctl''s issuer (managed) or you (self)')
            [CompletionResult]::new('--key-type', '--key-type', [CompletionResultType]::ParameterName, 'Key type of issued certificates')
            [CompletionResult]::new('--validity', '--validity', [CompletionResultType]::ParameterName, 'Validity of issued certificates (90d, 12w, 1y, 397d)')
            [CompletionResult]::new('--san', '--san', [CompletionResultType]::ParameterName, 'Extra subject alternative name (DNS name, IP address, URI or email); repeatable')
            [CompletionResult]::new('--deploy-dir', '--deploy-dir', [CompletionResultType]::ParameterName, 'Directory that ''cert deploy'' writes cert.pem, chain.pem and key.pem to')
            [CompletionResult]::new('--deploy-hook', '--deploy-hook', [CompletionResultType]::ParameterName, 'Shell command that ''cert deploy'' runs after writing the files')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--chain', '--chain', [CompletionResultType]::ParameterName, 'Intermediate certificates (PEM), issuer first')
            [CompletionResult]::new('--p12', '--p12', [CompletionResultType]::ParameterName, 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;env;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;env;show' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;env;set' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New display name')
            [CompletionResult]::new('--deploy-dir', '--deploy-dir', [CompletionResultType]::ParameterName, 'New deploy directory ('''' clears it)')
            [CompletionResult]::new('--deploy-hook', '--deploy-hook', [CompletionResultType]::ParameterName, 'New deploy hook ('''' clears it)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;env;delete' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;env;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an environment; a managed one gets its first certificate at once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List environments, optionally of one property')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one environment')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change an environment''s name or deploy settings (an empty value clears a setting)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an environment with all its certificates and keys')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;env;help;create' {
            break
        }
        'mtlsctl;env;help;list' {
            break
        }
        'mtlsctl;env;help;show' {
            break
        }
        'mtlsctl;env;help;set' {
            break
        }
        'mtlsctl;env;help;delete' {
            break
        }
        'mtlsctl;env;help;help' {
            break
        }
        'mtlsctl;cert' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List certificates with expiry, status and deployment status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Issue a new certificate for a managed environment and make it current')
            [CompletionResult]::new('select', 'select', [CompletionResultType]::ParameterValue, 'Make an obsolete certificate current again (expired ones are refused)')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Deploy the current certificate: write the deploy directory and run the hook')
            [CompletionResult]::new('renew', 'renew', [CompletionResultType]::ParameterValue, 'Rotate every managed environment (or the ones named) whose certificate is due')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a certificate: it can never be selected again and the issuer''s CRL lists it')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a certificate obtained elsewhere into a self-hosted environment and make it current')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;cert;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only certificates with this status')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;cert;show' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;cert;rotate' {
            [CompletionResult]::new('--key-type', '--key-type', [CompletionResultType]::ParameterName, 'Key type [default: the environment''s]')
            [CompletionResult]::new('--validity', '--validity', [CompletionResultType]::ParameterName, 'Validity [default: the environment''s]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;cert;select' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;cert;deploy' {
            [CompletionResult]::new('--hook-timeout', '--hook-timeout', [CompletionResultType]::ParameterName, 'How long the hook may run before it (and its process group) is killed')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--manual', '--manual', [CompletionResultType]::ParameterName, 'Record that the current certificate was deployed by hand')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Deploy even when the current certificate is already the deployed one')
            [CompletionResult]::new('--allow-shared-dir', '--allow-shared-dir', [CompletionResultType]::ParameterName, 'Write into a deploy directory that other users can write to (refused by default: they could swap the files)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;cert;renew' {
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'Renew what expires within this time (30d, 12h) or has spent this share of its lifetime (66%)')
            [CompletionResult]::new('--hook-timeout', '--hook-timeout', [CompletionResultType]::ParameterName, 'How long the hook may run before it (and its process group) is killed')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--deploy', '--deploy', [CompletionResultType]::ParameterName, 'Deploy each renewed environment')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be renewed; change nothing')
            [CompletionResult]::new('--allow-shared-dir', '--allow-shared-dir', [CompletionResultType]::ParameterName, 'Write into a deploy directory that other users can write to (refused by default: they could swap the files)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;cert;revoke' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, as the CRL says it')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--rotate', '--rotate', [CompletionResultType]::ParameterName, 'When it is the current certificate, rotate first (managed environments)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;cert;sign' {
            [CompletionResult]::new('--csr', '--csr', [CompletionResultType]::ParameterName, 'The certificate signing request (PEM or DER)')
            [CompletionResult]::new('--validity', '--validity', [CompletionResultType]::ParameterName, 'Validity [default: the environment''s]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;cert;export' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to write files to [default: stdout]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File whose first line is the PKCS#12 password')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--include-key', '--include-key', [CompletionResultType]::ParameterName, 'Include the private key (always included in PKCS#12)')
            [CompletionResult]::new('--allow-shared-dir', '--allow-shared-dir', [CompletionResultType]::ParameterName, 'Write a key into a directory that other users can write to (refused by default)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;cert;import' {
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--chain', '--chain', [CompletionResultType]::ParameterName, 'Intermediate certificates (PEM), issuer first')
            [CompletionResult]::new('--p12', '--p12', [CompletionResultType]::ParameterName, 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;cert;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List certificates with expiry, status and deployment status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Issue a new certificate for a managed environment and make it current')
            [CompletionResult]::new('select', 'select', [CompletionResultType]::ParameterValue, 'Make an obsolete certificate current again (expired ones are refused)')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Deploy the current certificate: write the deploy directory and run the hook')
            [CompletionResult]::new('renew', 'renew', [CompletionResultType]::ParameterValue, 'Rotate every managed environment (or the ones named) whose certificate is due')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a certificate: it can never be selected again and the issuer''s CRL lists it')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a certificate obtained elsewhere into a self-hosted environment and make it current')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;cert;help;list' {
            break
        }
        'mtlsctl;cert;help;show' {
            break
        }
        'mtlsctl;cert;help;rotate' {
            break
        }
        'mtlsctl;cert;help;select' {
            break
        }
        'mtlsctl;cert;help;deploy' {
            break
        }
        'mtlsctl;cert;help;renew' {
            break
        }
        'mtlsctl;cert;help;revoke' {
            break
        }
        'mtlsctl;cert;help;sign' {
            break
        }
        'mtlsctl;cert;help;export' {
            break
        }
        'mtlsctl;cert;help;import' {
            break
        }
        'mtlsctl;cert;help;help' {
            break
        }
        'mtlsctl;inspect' {
            [CompletionResult]::new('--connect', '--connect', [CompletionResultType]::ParameterName, 'Connect to a server and show its chain, TLS version and cipher, and client-certificate request')
            [CompletionResult]::new('--servername', '--servername', [CompletionResultType]::ParameterName, 'Server name to send (SNI) with --connect [default: HOST]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Check the server''s chain against this CA file with --connect [default: system roots]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;issuer' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the issuer''s certificate details')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every issuer still trusted (PEM, the current one first) for servers to trust')
            [CompletionResult]::new('crl', 'crl', [CompletionResultType]::ParameterValue, 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Make an existing CA (mkcert''s, step''s, your PKI''s) the issuer of new certificates')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace the issuer with a new one; the old one stays trusted until its certificates expire')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;issuer;show' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;issuer;export' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to this file instead of stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;issuer;crl' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to this file (atomically) instead of stdout')
            [CompletionResult]::new('--next-update', '--next-update', [CompletionResultType]::ParameterName, 'How long the CRL is valid: its next update')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;issuer;import' {
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Certificate file (PEM, or DER); further certificates in it are taken as its chain; without --key, the key is read from this file too')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key file (PEM or DER: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--chain', '--chain', [CompletionResultType]::ParameterName, 'Intermediate certificates (PEM), issuer first')
            [CompletionResult]::new('--p12', '--p12', [CompletionResultType]::ParameterName, 'Certificate, chain and key as PKCS#12 (as step, openssl pkcs12 -export or a browser export write them)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;issuer;rotate' {
            [CompletionResult]::new('--key-type', '--key-type', [CompletionResultType]::ParameterName, 'Key type of the new issuer')
            [CompletionResult]::new('--validity', '--validity', [CompletionResultType]::ParameterName, 'Validity of the new issuer [default: 10 years]')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;issuer;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the issuer''s certificate details')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every issuer still trusted (PEM, the current one first) for servers to trust')
            [CompletionResult]::new('crl', 'crl', [CompletionResultType]::ParameterValue, 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Make an existing CA (mkcert''s, step''s, your PKI''s) the issuer of new certificates')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace the issuer with a new one; the old one stays trusted until its certificates expire')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;issuer;help;show' {
            break
        }
        'mtlsctl;issuer;help;export' {
            break
        }
        'mtlsctl;issuer;help;crl' {
            break
        }
        'mtlsctl;issuer;help;import' {
            break
        }
        'mtlsctl;issuer;help;rotate' {
            break
        }
        'mtlsctl;issuer;help;help' {
            break
        }
        'mtlsctl;request' {
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'Request method [default: GET, or POST with -d]')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'Request method [default: GET, or POST with -d]')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra header ''Name: value'' (''Name:'' removes a default header); repeatable')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra header ''Name: value'' (''Name:'' removes a default header); repeatable')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Request body: a string, @FILE, or @- for stdin (sent as is; --data-binary is the same)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Request body: a string, @FILE, or @- for stdin (sent as is; --data-binary is the same)')
            [CompletionResult]::new('--data-binary', '--data-binary', [CompletionResultType]::ParameterName, 'Request body: a string, @FILE, or @- for stdin (sent as is; --data-binary is the same)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'The User-Agent header to send [default: mtlsctl/VERSION]')
            [CompletionResult]::new('--user-agent', '--user-agent', [CompletionResultType]::ParameterName, 'The User-Agent header to send [default: mtlsctl/VERSION]')
            [CompletionResult]::new('--max-redirs', '--max-redirs', [CompletionResultType]::ParameterName, 'Follow at most this many redirects with -L (-1: no limit, as curl)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'After the transfer, print this text with curl''s variables filled in: %{http_code}, %{time_total}, %{time_connect}, %{time_appconnect}, %{time_starttransfer}, %{time_namelookup}, %{size_download}, %{url_effective}, %{remote_ip}, %{remote_port}, %{http_version}, %{content_type}, %{num_redirects}; \n, \t and %% as in curl')
            [CompletionResult]::new('--write-out', '--write-out', [CompletionResultType]::ParameterName, 'After the transfer, print this text with curl''s variables filled in: %{http_code}, %{time_total}, %{time_connect}, %{time_appconnect}, %{time_starttransfer}, %{time_namelookup}, %{size_download}, %{url_effective}, %{remote_ip}, %{remote_port}, %{http_version}, %{content_type}, %{num_redirects}; \n, \t and %% as in curl')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the body to FILE instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the body to FILE instead of stdout')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Use this environment''s current certificate')
            [CompletionResult]::new('--cert-id', '--cert-id', [CompletionResultType]::ParameterName, 'Use this stored certificate (id prefix or variable name)')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Client certificate file (PEM, leaf first, chain after; or DER); without --key, the key is read from this file too (as curl does)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Private key of --cert (PEM or DER: PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--p12', '--p12', [CompletionResultType]::ParameterName, 'Client certificate and key as PKCS#12')
            [CompletionResult]::new('--cert-type', '--cert-type', [CompletionResultType]::ParameterName, 'The type of --cert, as curl takes it: PEM or DER (read either way), or P12 (--cert is then a PKCS#12 file, as --p12)')
            [CompletionResult]::new('--pass', '--pass', [CompletionResultType]::ParameterName, 'The PKCS#12 password as curl --pass takes it; file:PATH and env:NAME keep it out of the process list (a literal password is visible to other users, and warned about)')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'File whose first line is the password of a PKCS#12 file or an encrypted key [default: empty password]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trust this CA of the trusted CA library for the server')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Require the server''s public key to have this SHA-256 pin (sha256//BASE64[;sha256//...])')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Go through this HTTP proxy ([http://][user:password@]host[:port]) [default: from https_proxy, http_proxy, all_proxy, as curl]; '''' for none')
            [CompletionResult]::new('--proxy', '--proxy', [CompletionResultType]::ParameterName, 'Go through this HTTP proxy ([http://][user:password@]host[:port]) [default: from https_proxy, http_proxy, all_proxy, as curl]; '''' for none')
            [CompletionResult]::new('--noproxy', '--noproxy', [CompletionResultType]::ParameterName, 'Hosts reached without the proxy (comma-separated; a domain covers its subdomains; * for all) [default: from no_proxy]')
            [CompletionResult]::new('--resolve', '--resolve', [CompletionResultType]::ParameterName, 'Connect to ADDRESS for HOST:PORT (HOST:PORT:ADDRESS); repeatable')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'Give up when the whole transfer takes longer than this: seconds as curl takes them (10, 2.5) or a duration (10s, 1m)')
            [CompletionResult]::new('--max-time', '--max-time', [CompletionResultType]::ParameterName, 'Give up when the whole transfer takes longer than this: seconds as curl takes them (10, 2.5) or a duration (10s, 1m)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up when the whole transfer takes longer than this: seconds as curl takes them (10, 2.5) or a duration (10s, 1m)')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up when connecting (TCP and TLS) takes longer than this: seconds (2, 0.5) or a duration (2s); 0 for no limit, as curl')
            [CompletionResult]::new('--retry', '--retry', [CompletionResultType]::ParameterName, 'Retry this many times on connection errors and on 408, 429, 500, 502, 503, 504')
            [CompletionResult]::new('--retry-delay', '--retry-delay', [CompletionResultType]::ParameterName, 'Wait before the first retry, doubling each time')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('-I', '-I ', [CompletionResultType]::ParameterName, 'Send a HEAD request and show the response headers (as curl -I)')
            [CompletionResult]::new('--head', '--head', [CompletionResultType]::ParameterName, 'Send a HEAD request and show the response headers (as curl -I)')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Follow redirects (3xx with Location), as curl -L')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Follow redirects (3xx with Location), as curl -L')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Say nothing but the response and errors'' exit codes: no warnings, no error text (as curl -s)')
            [CompletionResult]::new('--silent', '--silent', [CompletionResultType]::ParameterName, 'Say nothing but the response and errors'' exit codes: no warnings, no error text (as curl -s)')
            [CompletionResult]::new('-S', '-S ', [CompletionResultType]::ParameterName, 'With -s, still print errors (as curl -S)')
            [CompletionResult]::new('--show-error', '--show-error', [CompletionResultType]::ParameterName, 'With -s, still print errors (as curl -S)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Include the status line and response headers in the output')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Include the status line and response headers in the output')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Exit 22 without the body when the HTTP status is 400 or more')
            [CompletionResult]::new('--fail', '--fail', [CompletionResultType]::ParameterName, 'Exit 22 without the body when the HTTP status is 400 or more')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Do not verify the server''s certificate (a warning is printed; --pin still applies)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s certificate (a warning is printed; --pin still applies)')
            [CompletionResult]::new('--http1.1', '--http1.1', [CompletionResultType]::ParameterName, 'Use HTTP/1.1 only')
            [CompletionResult]::new('--http2', '--http2', [CompletionResultType]::ParameterName, 'Use HTTP/2 (ALPN h2 over TLS; prior knowledge over http://)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;datacenter' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the catalog: validity, days left, the recommended year, what was downloaded')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download, verify and save a datacenter certificate (or all of one year)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch the vendor''s public certificates from its mTLS Service API, verify and save them')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;datacenter;list' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Use this catalog (JSON) instead of the built-in one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Download from this base URL instead of the catalog''s')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;datacenter;download' {
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'Year of the certificate [default: the newest in the catalog]')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'File (one certificate) or directory to save to [default: the current directory]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on a download after this long')
            [CompletionResult]::new('--retry', '--retry', [CompletionResultType]::ParameterName, 'Retry this many times on connection errors, timeouts and 5xx')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Use this catalog (JSON) instead of the built-in one')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Download from this base URL instead of the catalog''s')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--allow-http', '--allow-http', [CompletionResultType]::ParameterName, 'Allow a plain http:// base URL')
            [CompletionResult]::new('--allow-mismatch', '--allow-mismatch', [CompletionResultType]::ParameterName, 'Save a certificate whose validity differs from the catalog''s window')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;datacenter;sync' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to save the certificates in [default: the saved one, else the current directory]')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'The organization id sent as x-gw-ims-org-id (ORG@AdobeOrg)')
            [CompletionResult]::new('--client-id', '--client-id', [CompletionResultType]::ParameterName, 'The OAuth client id (also sent as x-api-key)')
            [CompletionResult]::new('--client-secret-file', '--client-secret-file', [CompletionResultType]::ParameterName, 'A file holding the client secret (else MTLSCTL_CLIENT_SECRET); the secret itself is never taken on the command line nor saved')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'OAuth scopes, comma-separated, as the credential lists them [default: openid,AdobeID,read_organizations,additional_info.projectedProductContext,session]')
            [CompletionResult]::new('--ims-url', '--ims-url', [CompletionResultType]::ParameterName, 'The token endpoint [default: https://ims-na1.adobelogin.com/ims/token/v3]')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'The API''s base URL [default: https://platform.adobe.io]')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'Trust the CA certificates in FILE (PEM) for the server [default: system roots]')
            [CompletionResult]::new('--on-change', '--on-change', [CompletionResultType]::ParameterName, 'Run this command (sh -c) once when certificates are new or gone')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'How many certificates to ask for per page [default: 50]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up on one request after this long')
            [CompletionResult]::new('--retry', '--retry', [CompletionResultType]::ParameterName, 'Retry this many times on connection errors, timeouts, 408, 429, 500, 502, 503 and 504')
            [CompletionResult]::new('--hook-timeout', '--hook-timeout', [CompletionResultType]::ParameterName, 'How long --on-change may run before it (and its process group) is killed')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--save-settings', '--save-settings', [CompletionResultType]::ParameterName, 'Keep these settings (all but the secret itself) for the next syncs')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;datacenter;forget' {
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'Only this year [default: every year of it]')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'The catalog whose vendor downloaded it [default: the built-in one]')
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'The vendor whose record it is, as ''datacenter list'' shows it (for synced certificates: the API''s host)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;datacenter;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the catalog: validity, days left, the recommended year, what was downloaded')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download, verify and save a datacenter certificate (or all of one year)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch the vendor''s public certificates from its mTLS Service API, verify and save them')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;datacenter;help;list' {
            break
        }
        'mtlsctl;datacenter;help;download' {
            break
        }
        'mtlsctl;datacenter;help;sync' {
            break
        }
        'mtlsctl;datacenter;help;forget' {
            break
        }
        'mtlsctl;datacenter;help;help' {
            break
        }
        'mtlsctl;domain' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a domain with its trusted CA (from the CA library)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List domains')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a domain and its rules')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a domain''s CA or mode')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a domain and its rules')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;domain;add' {
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Trusted CA for client certificates (a name in ''mtlsctl ca list'')')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Client certificate verification')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;domain;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;domain;show' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;domain;set' {
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'New trusted CA')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'New verification mode')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;domain;remove' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;domain;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a domain with its trusted CA (from the CA library)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List domains')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a domain and its rules')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a domain''s CA or mode')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a domain and its rules')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;domain;help;add' {
            break
        }
        'mtlsctl;domain;help;list' {
            break
        }
        'mtlsctl;domain;help;show' {
            break
        }
        'mtlsctl;domain;help;set' {
            break
        }
        'mtlsctl;domain;help;remove' {
            break
        }
        'mtlsctl;domain;help;help' {
            break
        }
        'mtlsctl;rule' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a rule at the end of a domain''s rules')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a domain''s rules in order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a rule')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;rule;add' {
            [CompletionResult]::new('--criteria', '--criteria', [CompletionResultType]::ParameterName, 'A criterion: ''VARIABLE OPERATOR [VALUE]''; repeatable, all must hold')
            [CompletionResult]::new('--behavior', '--behavior', [CompletionResultType]::ParameterName, 'A behaviour: ''deny STATUS'' or ''add-request-header NAME TEMPLATE''; repeatable')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;rule;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;rule;remove' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;rule;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a rule at the end of a domain''s rules')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a domain''s rules in order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a rule')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;rule;help;add' {
            break
        }
        'mtlsctl;rule;help;list' {
            break
        }
        'mtlsctl;rule;help;remove' {
            break
        }
        'mtlsctl;rule;help;help' {
            break
        }
        'mtlsctl;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (e.g. 127.0.0.1:8443; port 0 picks a free one)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The domain to serve (see ''mtlsctl domain list'')')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'Server certificate (PEM, chain after the leaf) [default: issued for HOST by the issuer]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Server key (PEM)')
            [CompletionResult]::new('--upstream', '--upstream', [CompletionResultType]::ParameterName, 'Proxy requests to this URL (http:// or https://) instead of echoing them')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Access log format on stdout (requests and refused handshakes)')
            [CompletionResult]::new('--handshake-timeout', '--handshake-timeout', [CompletionResultType]::ParameterName, 'Close a connection whose TLS handshake takes longer (nginx: ssl_handshake_timeout)')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Close an HTTP/1.1 connection whose request head takes longer to arrive, idle keep-alive included (nginx: client_header_timeout)')
            [CompletionResult]::new('--keepalive-timeout', '--keepalive-timeout', [CompletionResultType]::ParameterName, 'Close a connection that stays idle longer (nginx: keepalive_timeout)')
            [CompletionResult]::new('--max-header-size', '--max-header-size', [CompletionResultType]::ParameterName, 'Largest request head, at least 8k (431 beyond; nginx: large_client_header_buffers)')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'Largest request body (413 beyond; 0 = no limit; nginx: client_max_body_size)')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Connections served at once; more are closed at once (nginx: worker_connections)')
            [CompletionResult]::new('--max-streams', '--max-streams', [CompletionResultType]::ParameterName, 'Concurrent HTTP/2 streams per connection (nginx: http2_max_concurrent_streams)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;ca' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a CA certificate (PEM or DER) under a name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted CAs')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one trusted CA')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a trusted CA (refused while a domain uses it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;ca;add' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accept an expired CA certificate')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;ca;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;ca;show' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;ca;remove' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;ca;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a CA certificate (PEM or DER) under a name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted CAs')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one trusted CA')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a trusted CA (refused while a domain uses it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;ca;help;add' {
            break
        }
        'mtlsctl;ca;help;list' {
            break
        }
        'mtlsctl;ca;help;show' {
            break
        }
        'mtlsctl;ca;help;remove' {
            break
        }
        'mtlsctl;ca;help;help' {
            break
        }
        'mtlsctl;expiry' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'WARNING when something in use expires within this long (30d; a bare number is days, as check_ssl_cert takes it), or once this share of its lifetime is spent (66%, as step''s needs-renewal)')
            [CompletionResult]::new('--warning', '--warning', [CompletionResultType]::ParameterName, 'WARNING when something in use expires within this long (30d; a bare number is days, as check_ssl_cert takes it), or once this share of its lifetime is spent (66%, as step''s needs-renewal)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'CRITICAL when something in use expires within this long (7d, 7), or once this share of its lifetime is spent (90%)')
            [CompletionResult]::new('--critical', '--critical', [CompletionResultType]::ParameterName, 'CRITICAL when something in use expires within this long (7d, 7), or once this share of its lifetime is spent (90%)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (--json is the same as --format json)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Watch the certificates in this file too (PEM or DER); repeatable')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Watch the certificate this TLS server presents too (port 443 when none is given); repeatable. A server that cannot be reached makes the check UNKNOWN')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the report to FILE atomically instead of stdout (textfile collectors); on an error a Prometheus file says so, other formats leave the previous file as it was')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--allow-empty', '--allow-empty', [CompletionResultType]::ParameterName, 'A missing state file is OK (nothing in use yet) instead of UNKNOWN')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'mtlsctl;state' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole state to (or from) another place, verified, never left half done')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;state;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Copy the state in use to this file or vault+https://... URL')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Copy this file''s or vault+https://... URL''s state into the one in use')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;state;help' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole state to (or from) another place, verified, never left half done')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;state;help;copy' {
            break
        }
        'mtlsctl;state;help;help' {
            break
        }
        'mtlsctl;completions' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write mtlsctl.1 and mtlsctl-<subcommand>.1 pages here')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Path of the state file [default: $XDG_DATA_HOME/mtlsctl/state.json, i.e. ~/.local/share/mtlsctl/state.json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but errors and requested data')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what is being done (on stderr)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column in full, whatever the terminal''s width (as kubectl''s -o wide; tables sent to a pipe or file are always in full)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'mtlsctl;help' {
            [CompletionResult]::new('property', 'property', [CompletionResultType]::ParameterValue, 'Create, list, show and delete properties (named groups of environments)')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Create, list, show, change and delete environments (PROPERTY/STAGE)')
            [CompletionResult]::new('cert', 'cert', [CompletionResultType]::ParameterValue, 'List, show, rotate, select, deploy, export and import client certificates')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show the certificates in a PEM, DER or PKCS#12 file, or a server''s chain (--connect)')
            [CompletionResult]::new('issuer', 'issuer', [CompletionResultType]::ParameterValue, 'The store''s local issuing CA: show, export, CRLs, import, rotate')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'Make an HTTP request with a client certificate, as curl --cert --key does')
            [CompletionResult]::new('datacenter', 'datacenter', [CompletionResultType]::ParameterValue, 'Vendors'' datacenter public certificates: list, download, sync from the vendor''s API, forget')
            [CompletionResult]::new('domain', 'domain', [CompletionResultType]::ParameterValue, 'Configure mTLS domains for ''serve'': trusted CA and verification mode')
            [CompletionResult]::new('rule', 'rule', [CompletionResultType]::ParameterValue, 'Configure a domain''s ordered rules: criteria and behaviours (deny, add a header)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run a local mTLS gateway for a domain: verification, rules, nginx-style variables')
            [CompletionResult]::new('ca', 'ca', [CompletionResultType]::ParameterValue, 'Keep a library of trusted CA certificates (for servers'' client auth and for --ca)')
            [CompletionResult]::new('expiry', 'expiry', [CompletionResultType]::ParameterValue, 'Check everything in use for expiry; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'Move the state between the file and a secret store')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write one page per subcommand to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mtlsctl;help;property' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a property')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List properties with their environments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one property and its environments')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a property (refused while it has environments, unless --force)')
            break
        }
        'mtlsctl;help;property;create' {
            break
        }
        'mtlsctl;help;property;list' {
            break
        }
        'mtlsctl;help;property;show' {
            break
        }
        'mtlsctl;help;property;delete' {
            break
        }
        'mtlsctl;help;env' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an environment; a managed one gets its first certificate at once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List environments, optionally of one property')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one environment')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change an environment''s name or deploy settings (an empty value clears a setting)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete an environment with all its certificates and keys')
            break
        }
        'mtlsctl;help;env;create' {
            break
        }
        'mtlsctl;help;env;list' {
            break
        }
        'mtlsctl;help;env;show' {
            break
        }
        'mtlsctl;help;env;set' {
            break
        }
        'mtlsctl;help;env;delete' {
            break
        }
        'mtlsctl;help;cert' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List certificates with expiry, status and deployment status')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one certificate (CERT: id prefix, variable name, or ENV for its current one)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Issue a new certificate for a managed environment and make it current')
            [CompletionResult]::new('select', 'select', [CompletionResultType]::ParameterValue, 'Make an obsolete certificate current again (expired ones are refused)')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Deploy the current certificate: write the deploy directory and run the hook')
            [CompletionResult]::new('renew', 'renew', [CompletionResultType]::ParameterValue, 'Rotate every managed environment (or the ones named) whose certificate is due')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a certificate: it can never be selected again and the issuer''s CRL lists it')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Issue a certificate for a key made elsewhere (a device, an HSM) from its CSR')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export a certificate (PEM chain, optionally its key) or a PKCS#12 bundle')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a certificate obtained elsewhere into a self-hosted environment and make it current')
            break
        }
        'mtlsctl;help;cert;list' {
            break
        }
        'mtlsctl;help;cert;show' {
            break
        }
        'mtlsctl;help;cert;rotate' {
            break
        }
        'mtlsctl;help;cert;select' {
            break
        }
        'mtlsctl;help;cert;deploy' {
            break
        }
        'mtlsctl;help;cert;renew' {
            break
        }
        'mtlsctl;help;cert;revoke' {
            break
        }
        'mtlsctl;help;cert;sign' {
            break
        }
        'mtlsctl;help;cert;export' {
            break
        }
        'mtlsctl;help;cert;import' {
            break
        }
        'mtlsctl;help;inspect' {
            break
        }
        'mtlsctl;help;issuer' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the issuer''s certificate details')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every issuer still trusted (PEM, the current one first) for servers to trust')
            [CompletionResult]::new('crl', 'crl', [CompletionResultType]::ParameterValue, 'Write a CRL (PEM) of every revoked, unexpired certificate, signed by the issuer')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Make an existing CA (mkcert''s, step''s, your PKI''s) the issuer of new certificates')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace the issuer with a new one; the old one stays trusted until its certificates expire')
            break
        }
        'mtlsctl;help;issuer;show' {
            break
        }
        'mtlsctl;help;issuer;export' {
            break
        }
        'mtlsctl;help;issuer;crl' {
            break
        }
        'mtlsctl;help;issuer;import' {
            break
        }
        'mtlsctl;help;issuer;rotate' {
            break
        }
        'mtlsctl;help;request' {
            break
        }
        'mtlsctl;help;datacenter' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the catalog: validity, days left, the recommended year, what was downloaded')
            [CompletionResult]::new('download', 'download', [CompletionResultType]::ParameterValue, 'Download, verify and save a datacenter certificate (or all of one year)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch the vendor''s public certificates from its mTLS Service API, verify and save them')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Stop watching a downloaded certificate (expiry no longer reports it; the file stays)')
            break
        }
        'mtlsctl;help;datacenter;list' {
            break
        }
        'mtlsctl;help;datacenter;download' {
            break
        }
        'mtlsctl;help;datacenter;sync' {
            break
        }
        'mtlsctl;help;datacenter;forget' {
            break
        }
        'mtlsctl;help;domain' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a domain with its trusted CA (from the CA library)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List domains')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a domain and its rules')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a domain''s CA or mode')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a domain and its rules')
            break
        }
        'mtlsctl;help;domain;add' {
            break
        }
        'mtlsctl;help;domain;list' {
            break
        }
        'mtlsctl;help;domain;show' {
            break
        }
        'mtlsctl;help;domain;set' {
            break
        }
        'mtlsctl;help;domain;remove' {
            break
        }
        'mtlsctl;help;rule' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a rule at the end of a domain''s rules')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a domain''s rules in order')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a rule')
            break
        }
        'mtlsctl;help;rule;add' {
            break
        }
        'mtlsctl;help;rule;list' {
            break
        }
        'mtlsctl;help;rule;remove' {
            break
        }
        'mtlsctl;help;serve' {
            break
        }
        'mtlsctl;help;ca' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a CA certificate (PEM or DER) under a name')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the trusted CAs')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one trusted CA')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a trusted CA (refused while a domain uses it)')
            break
        }
        'mtlsctl;help;ca;add' {
            break
        }
        'mtlsctl;help;ca;list' {
            break
        }
        'mtlsctl;help;ca;show' {
            break
        }
        'mtlsctl;help;ca;remove' {
            break
        }
        'mtlsctl;help;expiry' {
            break
        }
        'mtlsctl;help;state' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole state to (or from) another place, verified, never left half done')
            break
        }
        'mtlsctl;help;state;copy' {
            break
        }
        'mtlsctl;help;completions' {
            break
        }
        'mtlsctl;help;man' {
            break
        }
        'mtlsctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
