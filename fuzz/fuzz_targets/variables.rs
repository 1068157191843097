//! nginx variables for any certificate: formatting never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlsctl::gateway::variables::{ClientCertificate, RequestFacts, compute};

fuzz_target!(|data: &[u8]| {
    let request = RequestFacts { hostname: "fuzz.test", path: "/", method: "GET" };
    let client = ClientCertificate { der: data, failure: None };
    let _ = compute(&request, Some(&client), chrono::Utc::now());
});
