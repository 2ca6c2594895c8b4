/// The frame of every page: language, title, the stylesheet and script served by edx, a skip
/// link, the navigation (hidden in print) and the main content.
enum Layout {
    /// A whole page.
    ///
    /// - Parameters:
    ///   - title: the page's title (escaped here).
    ///   - body: the content of `<main>`, already HTML.
    ///   - deidentified: shows that every study on the page is de-identified.
    static func page(title: String, body: String, deidentified: Bool) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(HTML.escape(title)) · edx viewer</title>
        <link rel="stylesheet" href="/assets/viewer.css">
        <script src="/assets/viewer.js" defer></script>
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site">
        <nav aria-label="Main"><ul>
        <li><a href="/">edx viewer</a></li>
        <li><a href="/#studies">Studies</a></li>
        <li><a href="/#batches">Batch folders</a></li>
        </ul></nav>
        \(deidentified ? "<p class=\"badge\">De-identified view</p>" : "")
        </header>
        <main id="main" tabindex="-1">
        \(body)
        </main>
        <footer class="site"><p>This viewer runs on this computer only: it loads nothing from the network, \
        and uploaded files are kept in a private folder removed when edx serve stops.</p></footer>
        </body>
        </html>

        """
    }

    /// A page for a request that cannot be served: what went wrong and the way back.
    static func problem(title: String, message: String, deidentified: Bool) -> String {
        page(
            title: title,
            body: """
                <h1>\(HTML.escape(title))</h1>
                <p role="alert">\(HTML.escape(message))</p>
                <p><a href="/">Back to the start page</a></p>
                """, deidentified: deidentified)
    }

    /// The page for a request without the token: plain, with nothing of the session in it.
    static let forbidden = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Forbidden · edx viewer</title></head>
        <body>
        <main>
        <h1>Forbidden</h1>
        <p>This edx viewer answers only the link with its token, as printed by <code>edx serve</code> \
        when it started (http://127.0.0.1:PORT/?token=…). Open that link.</p>
        </main>
        </body>
        </html>

        """
}
