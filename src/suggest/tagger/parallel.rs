//! Work spread over all cores in contiguous chunks, results in order.

/// `run` over `items` in contiguous chunks on all cores (one chunk for few items), the
/// results in the items' order.
pub fn in_parallel<I: Sync, T: Send>(items: &[I], run: impl Fn(&[I]) -> Vec<T> + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len().div_ceil(64))
        .max(1);
    if threads == 1 {
        return run(items);
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let run = &run;
                scope.spawn(move || run(part))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
