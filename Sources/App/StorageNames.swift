import Storage

/// Foundation also declares a `Unit` (measurement units); in this module the name means a work unit.
typealias Unit = Storage.Unit
