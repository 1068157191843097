//! Rule parsing and evaluation: any text is a rule or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtlsctl::gateway::rules;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut lines = text.lines();
    let criteria: Vec<String> = lines.by_ref().take(3).map(str::to_string).collect();
    let behaviors: Vec<String> = lines.map(str::to_string).collect();
    if let Ok(rule) = rules::parse_rule("fuzz", &criteria, &behaviors) {
        let mut variables = rules::Variables::new();
        variables.insert("hostname", text.to_string());
        variables.insert("path", "/".to_string());
        let _ = rules::evaluate(&[rule], &variables);
    }
    let _ = rules::expand(text, &rules::Variables::new());
});
