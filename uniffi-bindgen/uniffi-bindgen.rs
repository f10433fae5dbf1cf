//! `uniffi-bindgen generate target/debug/libbimer_ffi.so --language kotlin --out-dir …`
//!
//! The generator must be the same uniffi version as the `bimer-ffi` library
//! it reads; this workspace-local binary guarantees that.

fn main() {
    uniffi::uniffi_bindgen_main()
}
