#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, then every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

# GitHub's published API material (OpenAPI description, recorded exchanges, webhook examples) for the
# TriageCI.GitHub tests, from the npm registry at the versions pinned by the committed lock file.
npm ci --prefix tests/TriageCI.GitHub.Tests/octokit --ignore-scripts --no-audit --no-fund

dotnet test TriageCI.sln --configuration Release "$@"
