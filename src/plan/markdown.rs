//! Markdown of written sections (headings, emphasis, lists, tables, links) as HTML for
//! the app's preview. Raw HTML in the text is shown as text, never run.

use pulldown_cmark::{Event, Options, Parser, html};

pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn renders_the_markdown_people_write_and_never_raw_html() {
        let html = to_html(
            "# Call\n\n*Now* and **then**\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        for part in [
            "<h1>Call</h1>",
            "<em>Now</em>",
            "<strong>then</strong>",
            "<li>one</li>",
            "<td>1</td>",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        let html = to_html("<script>alert(1)</script> <b onclick=x>hi</b>");
        assert!(
            !html.contains("<script>") && !html.contains("<b "),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"));
    }
}
