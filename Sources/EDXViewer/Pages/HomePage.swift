import EDXDocuments
import EDXImport
import EDXModel
import EDXReport

/// The start page: upload export files, the studies of this session, open a batch folder.
enum HomePage {
    static func render(
        studies: [UploadedStudy], files: [UploadedFile], batches: [OpenBatch], uploadLimit: Int,
        deidentified: Bool
    ) -> String {
        var body = "<h1>edx viewer</h1>\n"
        body += uploadForm(uploadLimit: uploadLimit, deidentified: deidentified)
        body += studyList(studies)
        body += fileProblems(files)
        body += batchForm(batches)
        return Layout.page(title: "Start", body: body, deidentified: deidentified)
    }

    static func uploadForm(uploadLimit: Int, deidentified: Bool) -> String {
        """
        <section class="panel" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Open export files</h2>
        <form class="stack" method="post" action="/upload" enctype="multipart/form-data">
        <div class="dropzone" data-dropzone>
        <label for="files">Export files (study XML, summary CSV or measurements CSV)</label><br>
        <input type="file" id="files" name="files" multiple required accept=".xml,.csv,.txt,text/xml,text/csv" \
        aria-describedby="files-hint">
        <p class="hint" id="files-hint">One or several files, up to \(uploadLimit >> 20) MiB in all; you can also \
        drop files here. \(deidentified ? "Every study is de-identified as it is read. " : "")They stay on this \
        computer.</p>
        </div>
        <div><button type="submit">Open the files</button></div>
        </form>
        </section>

        """
    }

    static func studyList(_ studies: [UploadedStudy]) -> String {
        var out =
            "<section class=\"panel\" aria-labelledby=\"studies\">\n<h2 id=\"studies\">Studies of this session</h2>\n"
        guard !studies.isEmpty else { return out + "<p>No study opened yet.</p>\n</section>\n" }
        out += "<div class=\"table-wrap\">\n<table>\n<caption>Studies opened since edx serve started</caption>\n"
        out += "<thead><tr><th scope=\"col\">Study</th><th scope=\"col\">File</th><th scope=\"col\">Status</th>"
        out +=
            "<th scope=\"col\">Leading diagnosis</th><th scope=\"col\">Warnings and errors</th></tr></thead>\n<tbody>\n"
        for study in studies {
            let name = HTML.escape(study.studyID ?? "study \(study.number)")
            let link = study.rendered == nil ? name : "<a href=\"/study/\(study.number)\">\(name)</a>"
            let leading = study.rendered?.report.impression.diagnoses.first?.name ?? ""
            out += "<tr><th scope=\"row\">\(link)</th><td>\(HTML.escape(study.file))</td>"
            out += "<td>\(HTML.escape(study.status.rawValue))</td><td>\(HTML.escape(leading))</td>"
            out += "<td>\(study.diagnostics.count)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n</section>\n"
    }

    /// Files that held no study or could not be read, with their diagnostics.
    static func fileProblems(_ files: [UploadedFile]) -> String {
        let problems = files.filter { !$0.diagnostics.isEmpty }
        guard !problems.isEmpty else { return "" }
        var out = "<section class=\"panel\" aria-labelledby=\"file-problems\">\n"
        out += "<h2 id=\"file-problems\">Problems with uploaded files</h2>\n"
        for file in problems {
            out += "<h3>\(HTML.escape(file.file))</h3>\n" + DiagnosticList.render(file.diagnostics)
        }
        return out + "</section>\n"
    }

    static func batchForm(_ batches: [OpenBatch]) -> String {
        var out = """
            <section class="panel" aria-labelledby="batches">
            <h2 id="batches">Batch output folders</h2>
            <form class="stack" method="post" action="/batch">
            <label for="folder">Folder written by edx batch (a path on this computer)</label>
            <input type="text" id="folder" name="folder" required autocomplete="off" spellcheck="false" \
            aria-describedby="folder-hint">
            <p class="hint" id="folder-hint">The folder given to <code>edx batch --out</code>: it holds index.sqlite \
            and reports/.</p>
            <div><button type="submit">Open the batch</button></div>
            </form>

            """
        if !batches.isEmpty {
            out += "<ul>\n"
            for batch in batches {
                out += "<li><a href=\"/batch/\(batch.number)\">Batch \(batch.number)</a>"
                out += batch.deidentified ? " (de-identified)" : ": \(HTML.escape(batch.folder))"
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }
}

/// Import diagnostics as a list: severity (in words, not only colour), code, place, field, message.
enum DiagnosticList {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "<p>None.</p>\n" }
        var out = "<ul class=\"diagnostics\">\n"
        for diagnostic in diagnostics {
            let severity = diagnostic.severity.rawValue
            out += "<li><span class=\"severity-\(severity)\">\(severity)</span> "
            out +=
                "<code>\(HTML.escape(diagnostic.code.rawValue))</code> at \(HTML.escape(diagnostic.location.description))"
            if let field = diagnostic.field { out += ", <code>\(HTML.escape(field))</code>" }
            out += ": \(HTML.escape(diagnostic.message))</li>\n"
        }
        return out + "</ul>\n"
    }

    /// Diagnostics as recorded by a batch (one line each, `path:line: severity: field: message`).
    static func render(lines: [String]) -> String {
        guard !lines.isEmpty else { return "<p>None.</p>\n" }
        return "<ul class=\"diagnostics\">\n" + lines.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
    }
}
