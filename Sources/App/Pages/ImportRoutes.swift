/// The staff import pages: upload, preview, apply.
extension WebApp {
    func registerImportRoutes(_ routes: inout RouteTable) {}
}
