# Convenience targets; each is a script under scripts/ that also works without make.
.PHONY: rehearsal test docs bench bench-startup bench-keys build
rehearsal: ; ./scripts/rehearse.sh
test: ; ./scripts/test.sh
docs: ; ./scripts/generate-docs.sh
bench: bench-startup bench-keys
bench-startup: ; ./scripts/bench-startup.sh
bench-keys: ; ./scripts/bench-keys-migrate.sh
build: ; scripts/bootstrap.sh && swift build
