//! Certificate, PEM, key and PKCS#12 reading: any bytes give a result or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlsctl::pki::{cert, keys, p12};

fuzz_target!(|data: &[u8]| {
    if let Ok(ders) = cert::certs_in_file(data, "fuzz input") {
        for der in ders {
            let _ = cert::CertInfo::from_der(&der);
        }
    }
    let _ = cert::certs_from_pem(data, "fuzz input");
    let _ = keys::load_private_key(data, "fuzz input");
    if let Ok(bundle) = p12::read(data, "", "fuzz input") {
        for der in bundle.certs {
            let _ = cert::CertInfo::from_der(&der);
        }
    }
});
