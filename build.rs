//! Link settings the widget's wasm-split step needs (see `scripts/build-widget.sh`): the
//! relocations, so the tool can move functions into another module, and the function table as
//! an export, which the separately loaded module shares. Only for the wasm binary; tests and
//! native builds link as usual.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
        println!("cargo:rustc-link-arg-bins=--export-table");
    }
}
