"""Turkish labels for sphinx-exercise on the Turkish pages of a book built in English.

sphinx-exercise takes its "Exercise"/"Solution to" labels (and myst-nb its "Show code cell
source") from the project's single ``language``; this extension swaps them for Turkish on
pages under book/tr/.
"""

REPLACEMENTS = (
    ('admonition-title">Exercise (', 'admonition-title">Alıştırma ('),
    (">Show code cell source<", ">Kod hücresini göster<"),
    (">Hide code cell source<", ">Kod hücresini gizle<"),
    ('<span class="caption-number">Exercise ', '<span class="caption-number">Alıştırma '),
    ('">Solution to<a class="reference internal"', '">Çözüm: <a class="reference internal"'),
    ('"> Exercise ', '"> Alıştırma '),
)


def localize(app, pagename, templatename, context, doctree):
    if pagename.startswith("book/tr/") and "body" in context:
        body = context["body"]
        for old, new in REPLACEMENTS:
            body = body.replace(old, new)
        context["body"] = body


def setup(app):
    app.connect("html-page-context", localize)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
