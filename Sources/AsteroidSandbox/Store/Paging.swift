import AsteroidModels

/// Page maths on numbers from a request: `(page - 1) * pageSize` computed with checks, never trapping.
enum Paging {
    /// The row offset of a 1-based page; nil when it does not fit in an `Int`.
    static func checkedOffset(page: Int, pageSize: Int) -> Int? {
        let (previous, underflow) = page.subtractingReportingOverflow(1)
        let (offset, overflow) = previous.multipliedReportingOverflow(by: pageSize)
        return underflow || overflow ? nil : offset
    }

    /// The offset for the repository, whose callers checked it first (`Int.max`, an empty page, otherwise).
    static func offset(page: Int, pageSize: Int) -> Int {
        checkedOffset(page: page, pageSize: pageSize) ?? Int.max
    }

    /// A 400 naming `page` when the page's first row is past what an offset can hold.
    static func check(page: Int?, pageSize: Int?) throws(RequestValidationError) {
        guard let page else { return }
        let size = pageSize ?? 10
        guard checkedOffset(page: page, pageSize: size) != nil else {
            throw RequestValidationError(
                "page", "is too large: page \(page) of \(size) rows starts past the last row an offset can hold")
        }
    }
}
