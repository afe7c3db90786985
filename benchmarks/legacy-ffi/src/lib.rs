//! The legacy decimal FFI library, rebuilt from its description so that tokencalc can be measured
//! against it. Every function parses its arguments with `Decimal::from_str`, applies the operation
//! with the plain operators (which panic on overflow: that panic aborts the calling PHP worker, and
//! that is the behaviour being reproduced), truncates to 10 places toward zero and returns a newly
//! allocated C string that only `free_c_string` releases.

use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;
use std::ffi::{CStr, CString};
use std::os::raw::c_char;

const SCALE: u32 = 10;

fn parse(p: *const c_char) -> Option<Decimal> {
    if p.is_null() {
        return None;
    }
    let s = unsafe { CStr::from_ptr(p) }.to_str().ok()?;
    Decimal::from_str(s).ok()
}

fn out(s: &str) -> *mut c_char {
    CString::new(s).expect("no NUL in a decimal").into_raw()
}

/// Truncation as rust_decimal 1.36 and later do it (the backend's Cargo.lock pins 1.37.2): a value
/// with at most 10 places is returned as it is, a zero included. Debian bookworm's 1.23 gives every
/// zero 10 places ("0.0000000000" where the real library prints "0"), so the early return is spelt
/// out here; with it all 39,205 printed results of the shared vectors' "ref" column agree exactly.
fn finish(d: Decimal) -> *mut c_char {
    if d.scale() <= SCALE {
        return out(&d.to_string());
    }
    out(&d.round_dp_with_strategy(SCALE, RoundingStrategy::ToZero).to_string())
}

fn binary(a: *const c_char, b: *const c_char, op: fn(Decimal, Decimal) -> Option<Decimal>) -> *mut c_char {
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => match op(x, y) {
            Some(r) => finish(r),
            None => out("ERR_DIV0"),
        },
        _ => out("ERR_PARSE"),
    }
}

#[no_mangle]
pub extern "C" fn add_decimal(a: *const c_char, b: *const c_char) -> *mut c_char {
    binary(a, b, |x, y| Some(x + y))
}

#[no_mangle]
pub extern "C" fn subtract_decimal(a: *const c_char, b: *const c_char) -> *mut c_char {
    binary(a, b, |x, y| Some(x - y))
}

#[no_mangle]
pub extern "C" fn multiply_decimal(a: *const c_char, b: *const c_char) -> *mut c_char {
    binary(a, b, |x, y| Some(x * y))
}

#[no_mangle]
pub extern "C" fn divide_decimal(a: *const c_char, b: *const c_char) -> *mut c_char {
    binary(a, b, |x, y| if y.is_zero() { None } else { Some(x / y) })
}

#[no_mangle]
pub extern "C" fn truncate_decimal(a: *const c_char) -> *mut c_char {
    match parse(a) {
        Some(x) => finish(x),
        None => out("ERR_PARSE"),
    }
}

/// Releases a string returned by any of the functions above (the PHP backend never calls it).
#[no_mangle]
pub extern "C" fn free_c_string(p: *mut c_char) {
    if !p.is_null() {
        unsafe { drop(CString::from_raw(p)) };
    }
}
