import App
import HTTPServer
import Logging
import Storage

/// Assembles the web application over the project's folders and the opened database.
enum Application {
    static func makeResponder(layout: ProjectLayout, database: AppDatabase, settings: AppSettings,
                              logger: Logger) throws -> (app: WebApp, responder: RouterResponder) {
        guard let assets = StaticFiles(directory: layout.publicDirectory) else {
            throw CommandFailure(.unusableInput, "Cannot read \(layout.publicDirectory).")
        }
        do {
            let app = try WebApp(database: database, templatesDirectory: layout.templatesDirectory,
                                 settings: settings, logger: logger)
            return (app, app.responder(staticFiles: assets))
        } catch {
            throw CommandFailure(.unusableInput, "Cannot load the templates: \(error)")
        }
    }
}
