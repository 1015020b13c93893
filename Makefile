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
	./scripts/conformance --aws
	./scripts/conformance --deny-reasons

e2e: jar
	./e2e/run

clean:
	$(MVN) -q clean

# ---- Lambda: one shaded jar for the four functions (template.yaml) ----
# `sam build` (BuildMethod: makefile) runs `make build-<LogicalId>` with ARTIFACTS_DIR set; each
# target puts the jar where the Java runtime looks for libraries. The jar is rebuilt only when a
# source or pom changed, so the four targets share one Maven build.
LAMBDA_JAR := functions/target/warren-functions.jar
LAMBDA_SOURCES := pom.xml shared/pom.xml functions/pom.xml $(shell find shared/src/main functions/src/main -type f 2>/dev/null)
LAMBDA_FUNCTIONS := UserCheckFunction VhostCheckFunction ResourceCheckFunction TopicCheckFunction

.PHONY: lambda $(addprefix build-,$(LAMBDA_FUNCTIONS))

lambda: $(LAMBDA_JAR)

$(LAMBDA_JAR): $(LAMBDA_SOURCES)
	$(MVN) -q -DskipTests -pl functions -am package

$(addprefix build-,$(LAMBDA_FUNCTIONS)): $(LAMBDA_JAR)
	test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set (sam build sets it)" >&2; exit 2; }
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(LAMBDA_JAR) "$(ARTIFACTS_DIR)/lib/warren-functions.jar"

# ---- Benchmarks (docs/benchmarks.md) ----
.PHONY: bench loadtest cold-start
bench:
	$(MVN) -q -Pbench -DskipTests -pl bench -am package
	"$$(scripts/find-jdk)/bin/java" -jar bench/target/warren-bench.jar -rf text -rff bench/target/jmh.txt

# Cold start of the user function against the SDK floor, fresh JVMs over moto_server (RUNS per row).
RUNS ?= 7
cold-start:
	./scripts/cold-start $(RUNS)

loadtest: jar
	$(MVN) -q -Pbench -DskipTests -pl bench -am package
	./scripts/loadtest 16 20

# ---- Connection flood and slow client against a 256 MiB serve (docs/security.md); also part of make test ----
.PHONY: flood
flood:
	$(MVN) -q -pl cli -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
		-Dit.test=ServeFloodIT -Dfailsafe.failIfNoSpecifiedTests=false
	cat cli/target/flood-report.txt

# ---- Latency through a real broker (docs/benchmarks.md); a benchmark, not part of test or e2e ----
.PHONY: broker-bench
broker-bench: jar
	./e2e/bench
