# warren: `make run` serves the sample definitions on http://127.0.0.1:8080; `make test` runs every test.
MVN := ./scripts/mvn
PORT ?= 8080
DEFINITIONS ?= examples/definitions.json

.PHONY: run test build jar conformance e2e clean

run: jar
	./warren serve --definitions $(DEFINITIONS) --port $(PORT)

build:
	$(MVN) -q -DskipTests package

jar:
	$(MVN) -q -DskipTests -pl cli -am package

test:
	$(MVN) verify
	$(MAKE) conformance

conformance: jar
	./scripts/conformance

e2e: jar
	./e2e/run

clean:
	$(MVN) -q clean
