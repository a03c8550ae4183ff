import HTTPServer

/// The path parameters of the routes in `Routes.swift`, read by name once here: each has one
/// spelling in every route (`:unitID` is always a unit), and an id that is not a positive number
/// names nothing (404).
extension RequestContext {
    var slug: String {
        get throws(AppError) {
            guard let slug = request.parameters["slug"], !slug.isEmpty else { throw .notFound }
            return slug
        }
    }

    var sectorID: Int64 { get throws(AppError) { try id("sectorID") } }
    var unitID: Int64 { get throws(AppError) { try id("unitID") } }
    var employeeID: Int64 { get throws(AppError) { try id("employeeID") } }
    var userID: Int64 { get throws(AppError) { try id("userID") } }
    var assignmentID: Int64 { get throws(AppError) { try id("assignmentID") } }
    var frameworkID: Int64 { get throws(AppError) { try id("frameworkID") } }
    var areaID: Int64 { get throws(AppError) { try id("areaID") } }
    var statementID: Int64 { get throws(AppError) { try id("statementID") } }
    var roundID: Int64 { get throws(AppError) { try id("roundID") } }
    var importID: Int64 { get throws(AppError) { try id("importID") } }
    var trainingID: Int64 { get throws(AppError) { try id("trainingID") } }
    var seriesID: Int64 { get throws(AppError) { try id("seriesID") } }
    var sessionID: Int64 { get throws(AppError) { try id("sessionID") } }
    var requirementID: Int64 { get throws(AppError) { try id("requirementID") } }
    var tutorID: Int64 { get throws(AppError) { try id("tutorID") } }
    var topicID: Int64 { get throws(AppError) { try id("topicID") } }
    var entryID: Int64 { get throws(AppError) { try id("entryID") } }
    var exemptionID: Int64 { get throws(AppError) { try id("exemptionID") } }
    var messageID: Int64 { get throws(AppError) { try id("messageID") } }
    var instructionID: Int64 { get throws(AppError) { try id("instructionID") } }
    var systemID: Int64 { get throws(AppError) { try id("systemID") } }
    var checklistID: Int64 { get throws(AppError) { try id("checklistID") } }
    var itemID: Int64 { get throws(AppError) { try id("itemID") } }
    var templateID: Int64 { get throws(AppError) { try id("templateID") } }
    var cycleID: Int64 { get throws(AppError) { try id("cycleID") } }
    var discussionID: Int64 { get throws(AppError) { try id("discussionID") } }
    var goalID: Int64 { get throws(AppError) { try id("goalID") } }
    var actionID: Int64 { get throws(AppError) { try id("actionID") } }
    var questionID: Int64 { get throws(AppError) { try id("questionID") } }
    var postID: Int64 { get throws(AppError) { try id("postID") } }
    var answerID: Int64 { get throws(AppError) { try id("answerID") } }
    var reportID: Int64 { get throws(AppError) { try id("reportID") } }
    var photoID: Int64 { get throws(AppError) { try id("photoID") } }

    /// A survey page's step (1 = the first area).
    var step: Int {
        get throws(AppError) {
            guard let text = request.parameters["step"], let step = Int(text) else { throw .notFound }
            return step
        }
    }

    private func id(_ name: String) throws(AppError) -> Int64 {
        guard let text = request.parameters[name], let value = Int64(text), value > 0 else { throw .notFound }
        return value
    }
}
