//! The floors of the core (ARCHITECTURE.md): each module may use only the modules listed
//! for it in [`FLOORS`]. This test reads the `crate::…` paths (and `keel::…` in the CLI)
//! of every file under `src/` and fails, naming the file and the import, when a floor
//! uses one above it. A module missing from the table fails too, so a new module is
//! placed on a floor when it is made.

use std::path::{Path, PathBuf};

/// Each module of the core and what it may use. Same-module imports are always allowed.
const FLOORS: &[(&str, &[&str])] = &[
    // 1. The nouns and their validation: nothing else of Keel's.
    ("domain", &[]),
    // Shared by every floor: the errors and the limits their messages quote.
    ("limits", &[]),
    ("error", &["domain", "limits"]),
    ("capped_read", &["error"]),
    // 2. Pure functions over domain values: no SQLite, no files, no clock.
    ("analysis", &["domain", "error"]),
    ("map", &["domain", "analysis", "error"]),
    ("plan", &["domain", "analysis", "map", "error"]),
    // An event's board, from its log and the frozen plan versions it invoked.
    ("event", &["domain", "plan", "error"]),
    // Improving: the rules of actions and the review of what has gone stale.
    ("review", &["domain", "analysis", "plan", "error"]),
    // 3. Documents from plan values, and signatures on them.
    (
        "report",
        &["domain", "analysis", "map", "plan", "event", "error"],
    ),
    // A signature goes on a PDF that `report` wrote, in the same text encoding.
    ("signing", &["domain", "error", "capped_read", "report"]),
    // 4. Files: the engagement, the settings.
    (
        "store",
        &[
            "domain", "analysis", "map", "plan", "event", "review", "error", "limits",
        ],
    ),
    ("settings", &["domain", "error"]),
    // 5. Operations: one per user action, over everything below.
    (
        "ops",
        &[
            "domain",
            "analysis",
            "map",
            "plan",
            "event",
            "review",
            "report",
            "signing",
            "store",
            "settings",
            "error",
            "limits",
            "capped_read",
        ],
    ),
    (
        "import",
        &["domain", "store", "error", "capped_read", "csv_export"],
    ),
    ("csv_export", &["domain", "store", "import", "error"]),
    ("demo", &["domain", "plan", "store", "ops", "error"]),
    (
        "workspace",
        &["domain", "store", "settings", "signing", "demo", "error"],
    ),
    // The faces: anything of the core.
    ("cli", &["*"]),
    // Test-only: writes the TypeScript types of everything that crosses the IPC seam.
    ("ts_export", &["*"]),
];

/// Names `lib.rs` re-exports at the crate root, and the module each comes from.
const ROOT_NAMES: &[(&str, &str)] = &[
    ("Error", "error"),
    ("Result", "error"),
    ("ApiError", "error"),
    ("ErrorCode", "error"),
    ("EngagementStore", "store"),
];

/// An import that breaks the floors: where it is, and what it reaches.
#[derive(Debug, PartialEq)]
struct Upward {
    file: String,
    line: usize,
    from: String,
    to: String,
}

impl std::fmt::Display for Upward {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: `{}` uses `{}`, which is not on a floor below it",
            self.file, self.line, self.from, self.to
        )
    }
}

/// The top-level module a file under `src/` belongs to (`store/plans.rs` → `store`), or
/// `None` for the crate roots.
fn module_of(relative: &str) -> Option<String> {
    let first = relative.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    match name {
        "lib" | "main" => None,
        _ => Some(name.to_owned()),
    }
}

/// The module path of a file (`store/plans.rs` → `[store, plans]`, `store/mod.rs` →
/// `[store]`), for resolving `super::`.
fn module_path(relative: &str) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a line without its `//` comment (doc links are not imports). A `//`
/// inside a string is rare enough in this code base to ignore.
fn code(line: &str) -> &str {
    line.find("//").map_or(line, |at| &line[..at])
}

/// `mod name {` (an inline module), not `mod name;`.
fn is_inline_module(line: &str) -> bool {
    let line = line.trim_start();
    let line = line.strip_prefix("pub ").unwrap_or(line);
    line.strip_prefix("mod ")
        .is_some_and(|rest| rest.trim_end().ends_with('{'))
}

/// The brace depth after a line, not counting braces inside string or char literals.
fn braces_after(mut depth: usize, line: &str) -> usize {
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth
}

fn ident_at(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The first path segment of each item of a `{a::b, C, d::{e, f}}` group.
fn group_heads(text: &str) -> Vec<&str> {
    let mut heads = Vec::new();
    let mut depth = 0usize;
    let mut item_start = true;
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                if depth <= 1 {
                    break;
                }
                depth -= 1;
            }
            ',' if depth == 1 => item_start = true,
            c if depth == 1 && item_start && (c.is_ascii_alphabetic() || c == '_') => {
                heads.push(ident_at(&text[at..]));
                item_start = false;
            }
            _ => {}
        }
    }
    heads
}

/// The top-level modules a line reaches through `prefix` (`crate::` or `keel::`).
fn reached(line: &str, prefix: &str, own_depth: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        found.extend(modules_at(rest));
    }
    // `super::super::x` from `store/plans.rs` reaches the crate root, then `x`.
    let mut rest = line;
    while let Some(at) = rest.find("super::") {
        let mut depth = 0;
        let mut tail = &rest[at..];
        while let Some(after) = tail.strip_prefix("super::") {
            depth += 1;
            tail = after;
        }
        rest = tail;
        if depth >= own_depth {
            found.extend(modules_at(tail));
        }
    }
    found.retain(|m| !m.is_empty() && m != "self");
    found
}

/// The top-level modules a path that starts at the crate root names: one, or each of a
/// `{…}` group's.
fn modules_at(path: &str) -> Vec<String> {
    if path.starts_with('{') {
        group_heads(path).into_iter().map(root_module).collect()
    } else {
        vec![root_module(ident_at(path))]
    }
}

fn root_module(name: &str) -> String {
    ROOT_NAMES
        .iter()
        .find(|(item, _)| *item == name)
        .map_or(name, |(_, module)| module)
        .to_owned()
}

/// Every import in `source` (the text of `relative`, a path under `src/`) that the
/// table does not allow.
fn upward_imports(relative: &str, source: &str) -> Result<Vec<Upward>, String> {
    let Some(module) = module_of(relative) else {
        return Ok(Vec::new());
    };
    let Some((_, allowed)) = FLOORS.iter().find(|(name, _)| *name == module) else {
        return Err(format!(
            "src/{relative}: the module `{module}` is on no floor; add it to FLOORS in tests/floors.rs"
        ));
    };
    let own_path = module_path(relative);
    let prefix = if module == "cli" { "keel::" } else { "crate::" };
    let mut found = Vec::new();
    // Inline modules (`mod tests { … }`) are one level deeper for `super::`: the brace
    // depth at which each open one started.
    let mut inline: Vec<usize> = Vec::new();
    let mut braces = 0usize;
    for (number, line) in source.lines().enumerate() {
        let line = code(line);
        let own_depth = own_path.len() + inline.len();
        if is_inline_module(line) {
            inline.push(braces);
        }
        braces = braces_after(braces, line);
        while inline.last().is_some_and(|&opened| braces <= opened) {
            inline.pop();
        }
        for to in reached(line, prefix, own_depth) {
            if to != module && !allowed.contains(&"*") && !allowed.contains(&to.as_str()) {
                found.push(Upward {
                    file: format!("src/{relative}"),
                    line: number + 1,
                    from: module.clone(),
                    to,
                });
            }
        }
    }
    Ok(found)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src/") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_floor_of_the_core_uses_a_floor_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 50, "the core's files were found");
    let mut problems = Vec::new();
    for file in &files {
        let relative = file
            .strip_prefix(&src)
            .expect("under src/")
            .to_string_lossy()
            .replace('\\', "/");
        let source = std::fs::read_to_string(file).expect("read a source file");
        match upward_imports(&relative, &source) {
            Ok(found) => problems.extend(found.iter().map(ToString::to_string)),
            Err(unplaced) => problems.push(unplaced),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn an_upward_import_is_caught_with_its_file_and_line() {
    let source = "//! A noun.\n\nuse crate::store::EngagementStore;\n";
    let found = upward_imports("domain/activity.rs", source).expect("domain is placed");
    assert_eq!(
        found,
        vec![Upward {
            file: "src/domain/activity.rs".into(),
            line: 3,
            from: "domain".into(),
            to: "store".into(),
        }]
    );
    assert_eq!(
        found[0].to_string(),
        "src/domain/activity.rs:3: `domain` uses `store`, which is not on a floor below it"
    );
}

#[test]
fn grouped_root_names_inline_paths_and_super_chains_are_read_too() {
    let grouped = "use crate::{EngagementStore, Result, domain::{Activity, Need}};\n";
    let found = upward_imports("plan/content.rs", grouped).expect("placed");
    assert_eq!(
        found.iter().map(|u| u.to.as_str()).collect::<Vec<_>>(),
        ["store"]
    );

    let inline = "fn f() -> crate::report::Page { todo!() }\n";
    let found = upward_imports("store/plans.rs", inline).expect("placed");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].to, "report");

    let chained = "use super::super::ops::export;\nuse super::rows;\n";
    let found = upward_imports("store/plans.rs", chained).expect("placed");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].to, "ops");

    // Inside an inline module, one `super::` more is needed to reach the same place.
    let inline_module = "mod tests {\n    use super::super::ops::export;\n    use super::super::super::ops::x;\n}\nuse super::super::ops::y;\n";
    let found = upward_imports("store/plans.rs", inline_module).expect("placed");
    assert_eq!(
        found.iter().map(|u| u.line).collect::<Vec<_>>(),
        [3, 5],
        "{found:?}"
    );

    let cli = "use keel::store::EngagementStore;\nuse keel::ops::export;\n";
    assert!(
        upward_imports("cli/export.rs", cli)
            .expect("placed")
            .is_empty()
    );
}

#[test]
fn comments_and_words_that_end_in_crate_are_not_imports() {
    let source =
        "/// See [`crate::store::EngagementStore`].\n// crate::ops::x\nlet subcrate::x = 1;\n";
    assert!(
        upward_imports("analysis/impact.rs", source)
            .expect("placed")
            .is_empty()
    );
}

#[test]
fn a_module_on_no_floor_is_refused_by_name() {
    let err = upward_imports("incidents/mod.rs", "").expect_err("unplaced");
    assert!(err.contains("`incidents` is on no floor"), "{err}");
}

#[test]
fn the_real_tree_with_one_wrong_line_fails() {
    // The deliberately wrong fixture: a real domain file with one upward import added.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain/activity.rs");
    let real = std::fs::read_to_string(path).expect("read");
    assert!(
        upward_imports("domain/activity.rs", &real)
            .expect("placed")
            .is_empty()
    );
    let wrong = format!("{real}\nuse crate::analysis::impact::falls;\n");
    let found = upward_imports("domain/activity.rs", &wrong).expect("placed");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].to, "analysis");
}
