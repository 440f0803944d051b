# Convenience targets; each is a script under scripts/ that also works without make.
.PHONY: rehearsal test docs bench build
rehearsal: ; ./scripts/rehearse.sh
test: ; ./scripts/test.sh
docs: ; ./scripts/generate-docs.sh
bench: ; ./scripts/bench-startup.sh
build: ; scripts/bootstrap.sh && swift build
