//! The Peer backend's decimal FFI library (its `tokencalculation/`), rebuilt so that tokencalc can be
//! measured and shadow-tested against it offline, on the rust_decimal Debian packages. It behaves as
//! the backend's `src/lib.rs` at 9e85d80f: every function parses its arguments with
//! `Decimal::from_str`, applies the operation with the plain operators (which panic on overflow:
//! that panic aborts the calling PHP worker, and that is the behaviour being reproduced), truncates
//! to 10 places toward zero and returns a newly allocated C string that only `free_c_string`
//! releases; a bad argument gives ERR_NULL, ERR_UTF8 or ERR_PARSE, a zero divisor ERR_DIV0.

use rust_decimal::prelude::*;
use rust_decimal::RoundingStrategy;
use std::ffi::{CStr, CString};
use std::os::raw::c_char;

const SCALE: u32 = 10;

fn parse(p: *const c_char) -> Result<Decimal, &'static str> {
    if p.is_null() {
        return Err("ERR_NULL");
    }
    let s = unsafe { CStr::from_ptr(p) }.to_str().map_err(|_| "ERR_UTF8")?;
    Decimal::from_str(s).map_err(|_| "ERR_PARSE")
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
    // The first argument's error first, as the backend's library reports them.
    match parse(a).and_then(|x| parse(b).map(|y| (x, y))) {
        Ok((x, y)) => match op(x, y) {
            Some(r) => finish(r),
            None => out("ERR_DIV0"),
        },
        Err(code) => out(code),
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
        Ok(x) => finish(x),
        Err(code) => out(code),
    }
}

/// Releases a string returned by any of the functions above (the PHP backend never calls it).
#[no_mangle]
pub extern "C" fn free_c_string(p: *mut c_char) {
    if !p.is_null() {
        unsafe { drop(CString::from_raw(p)) };
    }
}
