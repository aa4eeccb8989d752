import ArgumentParser

@main
struct Atelier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atelier",
        abstract: "From what a congress room writes to proposals a government can act on.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Participants.self, Events.self, Sessions.self, Audit.self, ExportCommand.self, ImportCommand.self,
            ClusterCommand.self,
            OpinionGroupsCommand.self,
            EmbedCommand.self,
            Embeddings.self,
            CongressCommand.self,
        ]
    )
}
