// The ast executable: parses the command line and hands over to the libraries (see Launcher.swift).
import Foundation
import NIOCore
import NIOPosix

signal(SIGPIPE, SIG_IGN)
// A parent may start us with SIGINT or SIGTERM blocked (the mask survives exec; a test runner's or a
// supervisor's threads often block them): unblock both before any thread starts, so every thread inherits
// the open mask and Ctrl-C / SIGTERM always reach the handlers that cancel the run.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGINT)
sigaddset(&stopSignals, SIGTERM)
pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
// Swift concurrency runs on NIO's event loop, and there is one loop thread: the tasks that evaluate a
// pipeline and the channels that carry its requests (and, in `ast sandbox` or `--sandbox`, the server's)
// share a thread, so a request and its response never wait for another thread to wake up. Measured on the
// bulk rerun: about a fifth less CPU in each process, with next to no context switches (docs/performance.md).
// Nothing may block a task for long: libedit, stdin and signals have threads of their own.
NIOSingletons.groupLoopCountSuggestion = 1
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
let code = await Launcher.main(Array(CommandLine.arguments.dropFirst()))
exit(code)
