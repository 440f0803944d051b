function __lisa_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __lisa_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __lisa_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __lisa_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __lisa_parse_tokens -S
    set -l unparsed_tokens (__lisa_tokens -pc)
    switch $unparsed_tokens[1]
    case 'lisa'
        __lisa_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'config'
            __lisa_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'show'
                __lisa_parse_subcommand 0 'no-env' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            case 'get'
                __lisa_parse_subcommand 1 'no-env' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            case 'validate'
                __lisa_parse_subcommand 0 'strict' 'no-env' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            case 'names'
                __lisa_parse_subcommand 0 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            end
        case 'migrate'
            __lisa_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'config'
                __lisa_parse_subcommand 0 'input=' 'output=' 'env=' 'all-envs' 'out-dir=' 'keep-defaults' 'force' 'dry-run' 'no-validate' 'report=' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            end
        case 'models'
            __lisa_parse_subcommand 0 'version' 'h/help'
        case 'keys'
            __lisa_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'create'
                __lisa_parse_subcommand 1 'expires=' 'rate-limit=' 'groups=' 'admin' 'system' 'dry-run' 'store=' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            case 'list'
                __lisa_parse_subcommand 0 'expiring-within=' 'user=' 'store=' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            case 'show'
                __lisa_parse_subcommand 1 'store=' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            case 'rotate'
                __lisa_parse_subcommand 1 'expires=' 'keep-old=' 'dry-run' 'store=' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            case 'revoke'
                __lisa_parse_subcommand 1 'dry-run' 'store=' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            case 'check'
                __lisa_parse_subcommand 0 'strict' 'store=' 'config-dir=' 'profile=' 'region=' 'endpoint-url=' 'api-url=' 'token-file=' 'o/format=' 'q/quiet' 'v/verbose' 'color=' 'y/yes' 'version' 'h/help'
            end
        case 'rag'
            __lisa_parse_subcommand 0 'version' 'h/help'
        case 'help'
            __lisa_parse_subcommand -r 1 'version'
        end
    end
end

function __lisa_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __lisa_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __lisa_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __lisa_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__lisa_tokens -p)
    if test -z "$(__lisa_tokens -t)"
        set -l index (count (__lisa_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'lisa' -f
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa" -eq 1' -fa 'config' -d 'Read, check and explain a LISA config (config-base.yaml + config-custom.yaml).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa" -eq 1' -fa 'migrate' -d 'Carry a deployment\'s settings across LISA\'s breaking changes.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa" -eq 1' -fa 'models' -d 'Manage models through LISA\'s Model Management API.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa" -eq 1' -fa 'keys' -d 'Manage and migrate API keys: LISA\'s token table and API, and key files.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa" -eq 1' -fa 'rag' -d 'Manage LISA RAG repositories and collections.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa config" -eq 1' -fa 'show' -d 'Print the merged config exactly as LISA builds it.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa config" -eq 1' -fa 'get' -d 'Print one value of the merged config.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa config" -eq 1' -fa 'validate' -d 'Check the merged config against LISA\'s schema rules.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa config" -eq 1' -fa 'names' -d 'Print every resource name LISA derives from the config.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" no-env' -l 'no-env' -d 'Do not apply LISA\'s environment-variable overrides.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion config show -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" no-env' -l 'no-env' -d 'Do not apply LISA\'s environment-variable overrides.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion config get -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config get" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" strict' -l 'strict' -d 'Treat warnings as errors.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" no-env' -l 'no-env' -d 'Do not apply LISA\'s environment-variable overrides.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion config validate -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config validate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion config names -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa config names" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa migrate" -eq 1' -fa 'config' -d 'Turn an old single-file config.yaml into config-custom.yaml.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" input' -l 'input' -d 'The old config file (default: <config dir>/config.yaml).' -rfa '(set -l exts \'yaml\' \'yml\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" output' -l 'output' -d 'Where to write (default: <config dir>/config-custom.yaml).' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'yaml\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" env' -l 'env' -d 'Environment block to migrate (default: the one env: names).' -rfka '(__lisa_custom_completion ---completion migrate config -- --env (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" all-envs' -l 'all-envs' -d 'Migrate every environment block to <out-dir>/config-custom.<env>.yaml.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" out-dir' -l 'out-dir' -d 'Directory for --all-envs.' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" keep-defaults' -l 'keep-defaults' -d 'Keep values that equal config-base.yaml.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" force' -l 'force' -d 'Overwrite an existing output file.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" dry-run' -l 'dry-run' -d 'Print the result and a diff; write nothing.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" no-validate' -l 'no-validate' -d 'Write even if the result fails `lisa config validate` (errors become warnings).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" report' -l 'report' -d 'Also write the migration report as JSON to this file.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion migrate config -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa migrate config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa models" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa models" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa keys" -eq 1' -fa 'create' -d 'Create a key and print its secret once.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa keys" -eq 1' -fa 'list' -d 'List keys and their status; never their secrets.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa keys" -eq 1' -fa 'show' -d 'Show one key\'s attributes; never its secret.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa keys" -eq 1' -fa 'rotate' -d 'Give a key a new secret, keeping its identity and attributes.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa keys" -eq 1' -fa 'revoke' -d 'Delete a key so its secret stops working.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_positional "lisa keys" -eq 1' -fa 'check' -d 'Lint a key store for CI; exit 7 when anything is wrong.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" expires' -l 'expires' -d 'Lifetime (30d, 24h, 60m) or date (2026-12-31T00:00:00, local unless Z or an offset).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" rate-limit' -l 'rate-limit' -d 'Requests per minute for this key (default: the gateway\'s).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" groups' -l 'groups' -d 'Comma-separated groups the key acts with (api and table stores).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" admin' -l 'admin' -d 'Give the key the deployment\'s admin group (api and table stores).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" system' -l 'system' -d 'A system key, exempt from one-key-per-user (api and table stores).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" dry-run' -l 'dry-run' -d 'Print what would be created and change nothing.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" store' -l 'store' -d 'Where the keys live: file:PATH (a llama-gguf-inference keys file, as key_mgmt.py writes it).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion keys create -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys create" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" expiring-within' -l 'expiring-within' -d 'Only keys expiring within this time (7d, 24h, 90m).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" user' -l 'user' -d 'Only keys owned by this user (api and table stores).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" store' -l 'store' -d 'Where the keys live: file:PATH (a llama-gguf-inference keys file, as key_mgmt.py writes it).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion keys list -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" store' -l 'store' -d 'Where the keys live: file:PATH (a llama-gguf-inference keys file, as key_mgmt.py writes it).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion keys show -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" expires' -l 'expires' -d 'New lifetime (30d, 24h, 60m) or date; default: keep the current expiry.' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" keep-old' -l 'keep-old' -d 'Leave the old secret valid this long (24h) instead of revoking it now.' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" dry-run' -l 'dry-run' -d 'Print what would change and change nothing.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" store' -l 'store' -d 'Where the keys live: file:PATH (a llama-gguf-inference keys file, as key_mgmt.py writes it).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion keys rotate -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys rotate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" dry-run' -l 'dry-run' -d 'Print what would be revoked and change nothing.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" store' -l 'store' -d 'Where the keys live: file:PATH (a llama-gguf-inference keys file, as key_mgmt.py writes it).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion keys revoke -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys revoke" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" strict' -l 'strict' -d 'Treat warnings as errors.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" store' -l 'store' -d 'Where the keys live: file:PATH (a llama-gguf-inference keys file, as key_mgmt.py writes it).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" config-dir' -l 'config-dir' -d 'Directory with config-base.yaml and config-custom.yaml (env: LISA_CONFIG_DIR; default: .).' -rfa '(__lisa_complete_directories)'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" profile' -l 'profile' -d 'AWS profile (env: AWS_PROFILE; else the config\'s profile).' -rfka '(__lisa_custom_completion ---completion keys check -- --profile (count (__lisa_tokens -pc)) (__lisa_tokens -tC))'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" region' -l 'region' -d 'AWS region (env: AWS_REGION, AWS_DEFAULT_REGION; else the config\'s region).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" endpoint-url' -l 'endpoint-url' -d 'Send AWS calls to this endpoint (env: AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" api-url' -l 'api-url' -d 'LISA REST API base URL (env: LISA_API_URL; else SSM <deploymentPrefix>/LisaApiUrl).' -rfka ''
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" token-file' -l 'token-file' -d 'Read the API credential from this file, or \'-\' for stdin (env: LISA_API_TOKEN). Never pass secrets as arguments.' -rF
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" format o' -s 'o' -l 'format' -d 'Result format: table, json, yaml, jsonl, id (value where a command prints a secret).' -rfka 'table json yaml jsonl id value'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" q quiet' -l 'quiet' -s 'q' -d 'Print errors only.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" v verbose' -l 'verbose' -s 'v' -d 'Print request ids, timings and extra detail on stderr.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" color' -l 'color' -d 'Colour: auto (terminal only), always, never.' -rfka 'auto always never'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" y yes' -s 'y' -l 'yes' -d 'Answer yes to confirmations (required for destructive actions without a terminal).'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa keys check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa rag" version' -l 'version' -d 'Show the version.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa rag" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'lisa' -n '__lisa_should_offer_completions_for_flags_or_options "lisa help" version' -l 'version' -d 'Show the version.'
