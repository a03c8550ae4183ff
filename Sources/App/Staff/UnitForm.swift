import Foundation
import HTTPServer
import Storage

/// The unit form's fields (create and edit share them).
struct UnitFieldsView {
    let name: FieldView
    let sector: SelectFieldView
    let parent: SelectFieldView
}

/// A unit form as submitted, checked against the organisation's sectors and units.
struct UnitFormInput {
    var name: String
    var sectorID: Int64?
    var parentID: Int64?
    var errors = FormErrors()
    /// The raw choices, to show again when the form comes back with errors.
    let sectorChoice: String
    let parentChoice: String

    /// `excluded` are units that cannot be the parent: the unit itself and its sub-units.
    init(form: FormInput, sectors: [Stored<Sector>], units: [Stored<WorkUnit>], excluded: Set<Int64>, strings: Strings) {
        name = form["name"] ?? ""
        sectorChoice = form["sector_id"] ?? ""
        parentChoice = form["parent_id"] ?? ""
        if name.isEmpty {
            errors.add("name", strings.text("staff_error_name_required"))
        } else if name.count > staffNameLimit {
            errors.add("name", strings.text("staff_error_name_too_long"))
        }
        if !sectorChoice.isEmpty {
            if let id = Int64(sectorChoice), sectors.contains(where: { $0.id == id }) {
                sectorID = id
            } else {
                errors.add("sector_id", strings.text("staff_error_choose_from_list"))
            }
        }
        if !parentChoice.isEmpty {
            if let id = Int64(parentChoice), units.contains(where: { $0.id == id }), !excluded.contains(id) {
                parentID = id
            } else {
                errors.add("parent_id", strings.text("staff_error_parent_invalid"))
            }
        }
    }
}

extension WebApp {
    /// The unit form's fields: `current` fills them when nothing was submitted.
    func unitFields(sectors: [Stored<Sector>], units: [Stored<WorkUnit>], excluded: Set<Int64>, name: String, sectorChoice: String,
                    parentChoice: String, errors: FormErrors, strings: Strings) -> UnitFieldsView {
        let none = strings.text("staff_choice_none")
        let sectorOptions = [SelectOption(value: "", label: none, selected: sectorChoice.isEmpty)] + sectors.map {
            SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == sectorChoice)
        }
        let parentOptions = [SelectOption(value: "", label: strings.text("staff_choice_top_level"),
                                          selected: parentChoice.isEmpty)]
            + units.filter { unit in unit.active && !excluded.contains(unit.id) }.map {
                SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == parentChoice)
            }
        return UnitFieldsView(
            name: FieldView(name: "name", value: name, error: errors["name"]),
            sector: SelectFieldView(field: FieldView(name: "sector_id", value: sectorChoice, error: errors["sector_id"]),
                                    options: sectorOptions),
            parent: SelectFieldView(field: FieldView(name: "parent_id", value: parentChoice, error: errors["parent_id"],
                                                     hintID: "parent_id-hint"),
                                    options: parentOptions))
    }

    /// Puts a store refusal on the field it is about.
    func addStoreProblem(_ error: StorageError, to errors: inout FormErrors, strings: Strings) throws {
        switch error {
        case .conflict:
            errors.add("name", strings.text("staff_error_unit_taken"))
        case .invalid:
            errors.add("parent_id", strings.text("staff_error_parent_invalid"))
        default:
            throw error
        }
    }
}
