# Convenience targets; each is a script under scripts/ that also works without make.
#   make install [PREFIX=/usr/local] [DESTDIR=]    make uninstall [PREFIX=…] [DESTDIR=]
.PHONY: rehearsal test docs bench bench-startup bench-keys bench-backup build install uninstall
PREFIX ?= /usr/local
DESTDIR ?=
rehearsal: ; ./scripts/rehearse.sh
test: ; ./scripts/test.sh
docs: ; ./scripts/generate-docs.sh
bench: bench-startup bench-keys bench-backup
bench-startup: ; ./scripts/bench-startup.sh
bench-keys: ; ./scripts/bench-keys-migrate.sh
bench-backup: ; ./scripts/bench-backup.sh
build: ; scripts/bootstrap.sh && swift build
install: ; PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" ./scripts/install.sh
uninstall: ; PREFIX="$(PREFIX)" DESTDIR="$(DESTDIR)" ./scripts/install.sh --uninstall
