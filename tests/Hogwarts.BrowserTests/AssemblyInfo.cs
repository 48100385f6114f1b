// One test at a time: the Chromium and the app the tests share, a variant app and a WebAssembly download never contend
// for the machine's cores, and no wait in one test runs out because of another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
