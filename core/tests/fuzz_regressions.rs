//! Every input in `fuzz/regressions/` (cases the fuzz target found, and seeds worth keeping)
//! passes the same checks as in the fuzz target. Files named `accepted-…` must be accepted,
//! files named `refused-…` refused; the others only must not break anything.

mod untrusted;

#[test]
fn every_kept_fuzz_case_is_handled() {
    let consultation = untrusted::demo();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions");
    let mut cases = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz/regressions exists") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let accepted = untrusted::check(&bytes, &consultation);
        if name.starts_with("accepted-") {
            assert!(accepted, "{name} was refused");
        } else if name.starts_with("refused-") {
            assert!(!accepted, "{name} was accepted");
        }
        cases += 1;
    }
    assert!(cases > 0, "no cases in {dir}");
}
