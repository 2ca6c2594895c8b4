/// What the document information dictionary (`/Info`) says about a document.
///
/// Readers show these as the document's properties (`pdfinfo` prints them). Text may be any Unicode:
/// non-ASCII values are written as UTF-16BE.
package struct PDFMetadata: Sendable, Hashable {
    package var title: String
    package var author: String?
    package var subject: String?
    package var keywords: String?
    /// The program that made the content (for example `edx 1.2`).
    package var creator: String
    /// The program that wrote the PDF.
    package var producer: String
    /// The creation date as a PDF date string (`D:YYYYMMDDHHmmSSZ`, see ``pdfDate(year:month:day:hour:minute:second:)``),
    /// written as given. `nil` writes none, which keeps the bytes independent of the clock: the
    /// writer never reads the time itself.
    package var creationDate: String?

    package init(
        title: String, author: String? = nil, subject: String? = nil, keywords: String? = nil,
        creator: String = "edx", producer: String = "edx EDXPDF", creationDate: String? = nil
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.producer = producer
        self.creationDate = creationDate
    }

    /// A PDF date string in UTC, `D:YYYYMMDDHHmmSSZ` (PDF 1.4 §3.8.3).
    package static func pdfDate(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0)
        -> String
    {
        func digits(_ value: Int, _ count: Int) -> String {
            let text = String(max(value, 0))
            return String(repeating: "0", count: max(count - text.count, 0)) + text
        }
        return "D:" + digits(year, 4) + digits(month, 2) + digits(day, 2) + digits(hour, 2) + digits(minute, 2)
            + digits(second, 2) + "Z"
    }

    /// The entries of the `/Info` dictionary, in a fixed order.
    var entries: [(key: String, value: String)] {
        var entries: [(String, String)] = [("Title", title)]
        if let author { entries.append(("Author", author)) }
        if let subject { entries.append(("Subject", subject)) }
        if let keywords { entries.append(("Keywords", keywords)) }
        entries.append(("Creator", creator))
        entries.append(("Producer", producer))
        if let creationDate { entries.append(("CreationDate", creationDate)) }
        return entries
    }
}
