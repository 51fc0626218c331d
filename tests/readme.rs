//! The README's Rust program is `examples/summarize.rs`, verbatim (cargo compiles the example with the
//! tests, so the README's program compiles as written).

#[test]
fn the_readme_shows_the_example_program_verbatim() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/summarize.rs")).unwrap();
    assert!(
        readme.contains(&format!("```rust\n{example}```\n")),
        "README.md does not show examples/summarize.rs as it is"
    );
}
