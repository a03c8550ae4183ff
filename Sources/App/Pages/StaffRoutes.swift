/// Organisation and staff pages: sectors, units, employees, users and roles.
extension WebApp {
    func registerStaffRoutes(_ routes: inout RouteTable) {}
}
