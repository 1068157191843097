//! State loading: any file gives a state or an error (exit 3), never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(state) = mtlsctl::state::parse(std::path::Path::new("fuzz.json"), data) {
        let now = chrono::Utc::now();
        for cert in &state.certificates {
            let _ = state.cert_status(cert, now);
        }
        let _ = serde_json::to_vec(&state);
    }
});
