import Mustache

// The staff list renders 50 rows with five cells each, and every name a template reads was found by
// reflection (Mirror) through the context stack: 70 % of the page's time at 40,000 staff (perf,
// issue 19). Answering by name is a switch. `TemplateLookupTests` checks every property is answered.

extension EmployeeSearchView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "organisationName": organisationName
        case "action": action
        case "searchText": searchText
        case "sectorOptions": sectorOptions
        case "unitFilter": unitFilter
        case "includeInactive": includeInactive
        case "resultSummary": resultSummary
        case "rows": rows
        case "hasRows": hasRows
        case "pagination": pagination
        case "showPagination": showPagination
        case "importHref": importHref
        default: nil
        }
    }
}

extension EmployeeRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "name": self.name
        case "hrNumber": hrNumber
        case "unitName": unitName
        case "sectorName": sectorName
        case "jobTitle": jobTitle
        case "status": status
        case "active": active
        default: nil
        }
    }
}

extension UnitFilterView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "removeHref": removeHref
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "status": status
        case "hasPrevious": hasPrevious
        case "previousHref": previousHref
        case "hasNext": hasNext
        case "nextHref": nextHref
        case "label": label
        default: nil
        }
    }
}
