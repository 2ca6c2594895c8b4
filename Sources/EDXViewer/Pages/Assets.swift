/// The stylesheet and script of the viewer, served by edx itself (no CDN, no network).
enum Assets {
    static let css = """
        :root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --accent: #0b5394;
          --abnormal-bg: #fff1e6; --focus: #ffbf47; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
          color: var(--ink); background: #fff; }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
          outline: 3px solid var(--focus); outline-offset: 2px; }
        .skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
        .skip-link:focus { left: .5rem; z-index: 10; }
        header.site { display: flex; align-items: center; justify-content: space-between; gap: 1rem;
          padding: .5rem 1.5rem; border-bottom: 1px solid var(--line); background: #f6f8fa; }
        header.site ul { list-style: none; display: flex; gap: 1.25rem; margin: 0; padding: 0; }
        header.site li:first-child a { font-weight: 700; }
        .badge { margin: 0; padding: .15rem .6rem; border: 2px solid #7a4b00; border-radius: 1rem; font-weight: 600;
          color: #7a4b00; }
        main { padding: 1rem 1.5rem 2rem; max-width: 110rem; margin: 0 auto; }
        main:focus { outline: none; }
        footer.site { padding: 1rem 1.5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
        section.panel { margin-bottom: 2rem; }
        form.stack { display: grid; gap: .6rem; max-width: 44rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: end; margin-bottom: 1rem; }
        form.filters div { display: grid; gap: .2rem; }
        label { font-weight: 600; }
        input[type=text], select { font: inherit; padding: .35rem .5rem; border: 1px solid #888; border-radius: 4px;
          min-width: 10rem; }
        input[type=file] { font: inherit; }
        button { font: inherit; padding: .4rem 1.1rem; border: 1px solid var(--accent); border-radius: 4px;
          background: var(--accent); color: #fff; cursor: pointer; }
        .hint { color: var(--muted); font-size: .9rem; margin: 0; }
        .dropzone { border: 2px dashed #888; border-radius: 8px; padding: 1rem; }
        .dropzone.dragging { border-color: var(--accent); background: #eef4fb; }
        .table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
        table { border-collapse: collapse; font-size: .92rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #eef1f4; }
        tbody th { font-weight: 500; }
        td.abnormal, th.abnormal { background: var(--abnormal-bg); }
        th[aria-sort] a::after { content: " \\2195"; }
        th[aria-sort=ascending] a::after { content: " \\2191"; }
        th[aria-sort=descending] a::after { content: " \\2193"; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
          overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .study-layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: 2rem; align-items: start; }
        .study-layout aside { position: sticky; top: 1rem; border-left: 1px solid var(--line); padding-left: 1.25rem;
          font-size: .92rem; }
        .study-layout aside h2 { margin-top: .5rem; }
        @media (max-width: 60rem) { .study-layout { grid-template-columns: 1fr; }
          .study-layout aside { position: static; border-left: 0; padding-left: 0; } }
        ul.diagnostics { padding-left: 1.1rem; }
        ul.diagnostics li { margin-bottom: .5rem; }
        .severity-error { color: #a40000; font-weight: 700; }
        .severity-warning { color: #7a4b00; font-weight: 700; }
        figure.diagram { margin: 1rem 0; max-width: 60rem; }
        figure.diagram svg { width: 100%; height: auto; border: 1px solid var(--line); }
        figcaption { color: var(--muted); font-size: .9rem; }
        nav.pages { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
        .notice { border-left: 4px solid var(--accent); padding: .5rem 1rem; background: #eef4fb; }
        .error-notice { border-left: 4px solid #a40000; padding: .5rem 1rem; background: #fbeeee; }
        @media print {
          header.site, footer.site, .skip-link, aside, nav, form, .no-print { display: none !important; }
          body { font-size: 10.5pt; }
          main { padding: 0; max-width: none; }
          .study-layout { display: block; }
          .table-wrap { overflow: visible; }
          table { page-break-inside: auto; width: 100%; }
          tr { page-break-inside: avoid; }
          thead { display: table-header-group; }
          h1, h2, h3 { page-break-after: avoid; }
          figure.diagram { page-break-inside: avoid; }
          td.abnormal, th.abnormal { background: none; }
          a { color: inherit; text-decoration: none; }
        }
        """

    /// Drag and drop onto the upload form: puts the dropped files into the file input and sends
    /// the form. Without it the form works as it is.
    static let javascript = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          var zone = document.querySelector("[data-dropzone]");
          if (!zone) { return; }
          var input = zone.querySelector("input[type=file]");
          var form = zone.closest("form");
          ["dragenter", "dragover"].forEach(function (name) {
            zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
          });
          ["dragleave", "drop"].forEach(function (name) {
            zone.addEventListener(name, function () { zone.classList.remove("dragging"); });
          });
          zone.addEventListener("drop", function (event) {
            event.preventDefault();
            if (!event.dataTransfer || event.dataTransfer.files.length === 0) { return; }
            input.files = event.dataTransfer.files;
            if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
          });
        });

        """
}
