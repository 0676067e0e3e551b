# The TriageCI GitHub Action: the same `triage` build as the dotnet tool, in a container.
# Stage 1 publishes src/TriageCI.Cli with a locked restore; stage 2 holds only the runtime and the published tool.
# SDK_IMAGE and RUNTIME_IMAGE can point at mirrors; NUGET_SOURCE at a package mirror (a folder or feed URL).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0

FROM ${SDK_IMAGE} AS build
ARG NUGET_SOURCE=
WORKDIR /src
COPY . .
RUN dotnet publish src/TriageCI.Cli/TriageCI.Cli.csproj \
      --configuration Release --output /opt/triageci \
      -p:ContinuousIntegrationBuild=true -p:RestoreLockedMode=true \
      ${NUGET_SOURCE:+--source "$NUGET_SOURCE"}

FROM ${RUNTIME_IMAGE}
COPY --from=build /opt/triageci /opt/triageci
# GitHub runs container actions with the workspace as working directory and mounts the job's Docker socket at
# /var/run/docker.sock: the sandbox reaches the benchmark's own containers through it.
ENTRYPOINT ["dotnet", "/opt/triageci/triage.dll"]
CMD ["--help"]
