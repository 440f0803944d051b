#!/bin/bash

__lisa_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__lisa_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__lisa_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__lisa_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_lisa() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(--version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    config|migrate|models|keys|rag|backup|status|help)
        # Offer subcommand argument completions
        "_lisa_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'config migrate models keys rag backup status help' -- "${cur}"))
        ;;
    esac
}

_lisa_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    show|get|validate|names)
        # Offer subcommand argument completions
        "_lisa_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'show get validate names' -- "${cur}"))
        ;;
    esac
}

_lisa_config_show() {
    repeating_flags=()
    non_repeating_flags=(--no-env --show-secrets --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion config show -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_config_get() {
    repeating_flags=()
    non_repeating_flags=(--no-env --show-secrets --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion config get -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_config_validate() {
    repeating_flags=()
    non_repeating_flags=(--strict --no-env --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion config validate -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_config_names() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion config names -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_migrate() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    config|plan|check)
        # Offer subcommand argument completions
        "_lisa_migrate_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'config plan check' -- "${cur}"))
        ;;
    esac
}

_lisa_migrate_config() {
    repeating_flags=()
    non_repeating_flags=(--all-envs --keep-defaults --force --dry-run --no-validate --show-secrets --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--input --output --env --out-dir --report --models-out --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--input')
        __lisa_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--output')
        __lisa_add_completions -o plusdirs -fX '!*.@(yaml)'
        return
        ;;
    '--env')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion migrate config -- --env "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--out-dir')
        __lisa_add_completions -d
        return
        ;;
    '--report')
        __lisa_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--models-out')
        __lisa_add_completions -o plusdirs -fX '!*.@(yaml)'
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion migrate config -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_migrate_plan() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--from --to --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--from')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion migrate plan -- --from "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--to')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion migrate plan -- --to "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion migrate plan -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_migrate_check() {
    repeating_flags=()
    non_repeating_flags=(--offline --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--to --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--to')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion migrate check -- --to "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion migrate check -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_models() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|get|create|update|start|stop|delete|wait|schedule|export|apply)
        # Offer subcommand argument completions
        "_lisa_models_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list get create update start stop delete wait schedule export apply' -- "${cur}"))
        ;;
    esac
}

_lisa_models_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--status --type --hosting --limit --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--status')
        return
        ;;
    '--type')
        return
        ;;
    '--hosting')
        return
        ;;
    '--limit')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models list -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_models_get() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models get -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models get -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_create() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -o plusdirs -fX '!*.@(yaml|yml|json)'
        return
        ;;
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models create -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_models_update() {
    repeating_flags=()
    non_repeating_flags=(--streaming --no-streaming --acknowledge-restart --dry-run --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=(--env --unset-env)
    non_repeating_options=(--file -f --description --type --allowed-groups --min-capacity --max-capacity --desired-capacity --cooldown --instance-warmup --shared-memory --health-check-command --health-check-interval --health-check-timeout --health-check-start-period --health-check-retries --interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--description')
        return
        ;;
    '--type')
        return
        ;;
    '--allowed-groups')
        return
        ;;
    '--min-capacity')
        return
        ;;
    '--max-capacity')
        return
        ;;
    '--desired-capacity')
        return
        ;;
    '--cooldown')
        return
        ;;
    '--instance-warmup')
        return
        ;;
    '--env')
        return
        ;;
    '--unset-env')
        return
        ;;
    '--shared-memory')
        return
        ;;
    '--health-check-command')
        return
        ;;
    '--health-check-interval')
        return
        ;;
    '--health-check-timeout')
        return
        ;;
    '--health-check-start-period')
        return
        ;;
    '--health-check-retries')
        return
        ;;
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models update -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models update -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_start() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models start -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models start -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_stop() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models stop -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models stop -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_delete() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models delete -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models delete -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_wait() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--for --interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--for')
        return
        ;;
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models wait -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models wait -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_schedule() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    get|set|delete)
        # Offer subcommand argument completions
        "_lisa_models_schedule_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'get set delete' -- "${cur}"))
        ;;
    esac
}

_lisa_models_schedule_get() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models schedule get -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models schedule get -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_schedule_set() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=(--day)
    non_repeating_options=(--recurring --timezone --file -f --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--recurring')
        return
        ;;
    '--day')
        return
        ;;
    '--timezone')
        return
        ;;
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models schedule set -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models schedule set -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_schedule_delete() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models schedule delete -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models schedule delete -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_models_export() {
    repeating_flags=()
    non_repeating_flags=(--force --no-encrypt --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --backup --model-table --passphrase-file --kms-key-id --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--backup')
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    '--model-table')
        return
        ;;
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--kms-key-id')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models export -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_models_apply() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --prune --recreate --acknowledge-restart --wait --no-encrypt --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --interval --passphrase-file --kms-key-id --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--interval')
        return
        ;;
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--kms-key-id')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion models apply -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|rotate|revoke|check|export|import|migrate|verify)
        # Offer subcommand argument completions
        "_lisa_keys_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show rotate revoke check export import migrate verify' -- "${cur}"))
        ;;
    esac
}

_lisa_keys_create() {
    repeating_flags=()
    non_repeating_flags=(--admin --system --dry-run --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--expires --rate-limit --groups --user --store --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--expires')
        return
        ;;
    '--rate-limit')
        return
        ;;
    '--groups')
        return
        ;;
    '--user')
        return
        ;;
    '--store')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys create -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--expiring-within --user --store --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--expiring-within')
        return
        ;;
    '--user')
        return
        ;;
    '--store')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys list -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--store')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys show -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_rotate() {
    repeating_flags=()
    non_repeating_flags=(--system --dry-run --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--expires --keep-old --store --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--expires')
        return
        ;;
    '--keep-old')
        return
        ;;
    '--store')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys rotate -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_revoke() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--legacy-key-file --store --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--legacy-key-file')
        __lisa_add_completions -f
        return
        ;;
    '--store')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys revoke -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_check() {
    repeating_flags=()
    non_repeating_flags=(--strict --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--store --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--store')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys check -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_export() {
    repeating_flags=()
    non_repeating_flags=(--no-encrypt --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--from-table --output --passphrase-file --kms-key-id --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--from-table')
        return
        ;;
    '--output')
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--kms-key-id')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys export -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_import() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --restart --admin --overwrite --exclusive --include-expired --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--backup --to-table --passphrase-file --format --default-expiration --username --groups --name-prefix --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--backup')
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    '--to-table')
        return
        ;;
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--format')
        return
        ;;
    '--default-expiration')
        return
        ;;
    '--username')
        return
        ;;
    '--groups')
        return
        ;;
    '--name-prefix')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys import -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_migrate() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --restart --admin --overwrite --exclusive --include-expired --no-encrypt --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--from-table --to-table --backup --format --default-expiration --username --groups --name-prefix --passphrase-file --kms-key-id --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--from-table')
        return
        ;;
    '--to-table')
        return
        ;;
    '--backup')
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    '--format')
        return
        ;;
    '--default-expiration')
        return
        ;;
    '--username')
        return
        ;;
    '--groups')
        return
        ;;
    '--name-prefix')
        return
        ;;
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--kms-key-id')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys migrate -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_keys_verify() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--table --backup --format --passphrase-file --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--table')
        return
        ;;
    '--backup')
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    '--format')
        return
        ;;
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion keys verify -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_rag() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    repos|collections|docs|ingest|jobs|search|migrate-yaml)
        # Offer subcommand argument completions
        "_lisa_rag_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'repos collections docs ingest jobs search migrate-yaml' -- "${cur}"))
        ;;
    esac
}

_lisa_rag_repos() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|get|create|update|delete|export|apply)
        # Offer subcommand argument completions
        "_lisa_rag_repos_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list get create update delete export apply' -- "${cur}"))
        ;;
    esac
}

_lisa_rag_repos_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos list -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_rag_repos_get() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos get -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos get -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_repos_create() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos create -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_rag_repos_update() {
    repeating_flags=()
    non_repeating_flags=(--redeploy --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos update -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos update -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_repos_delete() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos delete -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos delete -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_repos_export() {
    repeating_flags=()
    non_repeating_flags=(--force --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos export -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos export -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_repos_apply() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --prune --recreate --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag repos apply -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_rag_collections() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|get|create|update|delete)
        # Offer subcommand argument completions
        "_lisa_rag_collections_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list get create update delete' -- "${cur}"))
        ;;
    esac
}

_lisa_rag_collections_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections list -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections list -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_collections_get() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections get -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections get -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections get -- positional@1 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_collections_create() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections create -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections create -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_collections_update() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __lisa_add_completions -f
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections update -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections update -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections update -- positional@1 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_collections_delete() {
    repeating_flags=()
    non_repeating_flags=(--hard --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections delete -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections delete -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag collections delete -- positional@1 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_docs() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|delete)
        # Offer subcommand argument completions
        "_lisa_rag_docs_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list delete' -- "${cur}"))
        ;;
    esac
}

_lisa_rag_docs_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--collection --limit --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--collection')
        return
        ;;
    '--limit')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag docs list -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag docs list -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_docs_delete() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--collection --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--collection')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag docs delete -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag docs delete -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_ingest() {
    repeating_flags=()
    non_repeating_flags=(--recursive --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--collection --chunk-size --chunk-overlap --parallel --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--collection')
        return
        ;;
    '--chunk-size')
        return
        ;;
    '--chunk-overlap')
        return
        ;;
    '--parallel')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag ingest -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag ingest -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    *)
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_rag_jobs() {
    repeating_flags=()
    non_repeating_flags=(--watch --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag jobs -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag jobs -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_search() {
    repeating_flags=()
    non_repeating_flags=(--score --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--top-k --collection --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--top-k')
        return
        ;;
    '--collection')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag search -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag search -- positional@0 "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_lisa_rag_migrate-yaml() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion rag migrate-yaml -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_backup() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    create|list|show|verify|restore)
        # Offer subcommand argument completions
        "_lisa_backup_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'create list show verify restore' -- "${cur}"))
        ;;
    esac
}

_lisa_backup_create() {
    repeating_flags=()
    non_repeating_flags=(--no-encrypt --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(-f --file --only --model-table --passphrase-file --kms-key-id --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-f'|'--file')
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    '--only')
        return
        ;;
    '--model-table')
        return
        ;;
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--kms-key-id')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion backup create -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_backup_list() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion backup list -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_backup_show() {
    repeating_flags=()
    non_repeating_flags=(--quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion backup show -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    esac
}

_lisa_backup_verify() {
    repeating_flags=()
    non_repeating_flags=(--secrets --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--passphrase-file --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion backup verify -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    esac
}

_lisa_backup_restore() {
    repeating_flags=()
    non_repeating_flags=(--dry-run --admin --overwrite --exclusive --skip-expired --wait --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--only --to-deployment --passphrase-file --model-table --to-table --format --default-expiration --username --groups --name-prefix --interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--only')
        return
        ;;
    '--to-deployment')
        return
        ;;
    '--passphrase-file')
        __lisa_add_completions -f
        return
        ;;
    '--model-table')
        return
        ;;
    '--to-table')
        return
        ;;
    '--format')
        return
        ;;
    '--default-expiration')
        return
        ;;
    '--username')
        return
        ;;
    '--groups')
        return
        ;;
    '--name-prefix')
        return
        ;;
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion backup restore -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __lisa_add_completions -o plusdirs -fX '!*.@(lisabak)'
        return
        ;;
    esac
}

_lisa_status() {
    repeating_flags=()
    non_repeating_flags=(--watch --quiet -q --verbose -v -y --yes --version -h --help)
    repeating_options=()
    non_repeating_options=(--litellm-url --serve-url --part-timeout --interval --config-dir --profile --region --endpoint-url --api-url --token-file -o --output-format --color --timeout --ca-bundle --api-ca-bundle)
    __lisa_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--litellm-url')
        return
        ;;
    '--serve-url')
        return
        ;;
    '--part-timeout')
        return
        ;;
    '--interval')
        return
        ;;
    '--config-dir')
        __lisa_add_completions -d
        return
        ;;
    '--profile')
        __lisa_add_completions -W "$(__lisa_custom_complete ---completion status -- --profile "${COMP_CWORD}" "$(__lisa_cursor_index_in_current_word)")"
        return
        ;;
    '--region')
        return
        ;;
    '--endpoint-url')
        return
        ;;
    '--api-url')
        return
        ;;
    '--token-file')
        __lisa_add_completions -f
        return
        ;;
    '-o'|'--output-format')
        __lisa_add_completions -W 'table'$'\n''wide'$'\n''json'$'\n''yaml'$'\n''jsonl'$'\n''id'$'\n''value'
        return
        ;;
    '--color')
        __lisa_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--timeout')
        return
        ;;
    '--ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    '--api-ca-bundle')
        __lisa_add_completions -f
        return
        ;;
    esac
}

_lisa_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __lisa_offer_flags_options -1
}

complete -o filenames -F _lisa lisa
