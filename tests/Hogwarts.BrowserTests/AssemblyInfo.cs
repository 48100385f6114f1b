// Each test class starts its own Hogwarts app and Chromium: run one class at a time, so that two apps, two browsers and
// a WebAssembly download never contend for the machine's cores and no wait in one class runs out because of another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
