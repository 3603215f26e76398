// The ast executable: parses the command line and hands over to the libraries (see Launcher.swift).
import Foundation
import NIOCore
import NIOPosix

signal(SIGPIPE, SIG_IGN)
// Swift concurrency runs on NIO's event loop, and there is one loop thread: the tasks that evaluate a
// pipeline and the channels that carry its requests (and, in `ast sandbox` or `--sandbox`, the server's)
// share a thread, so a request and its response never wait for another thread to wake up. Measured on the
// bulk rerun: about a fifth less CPU in each process, with next to no context switches (docs/performance.md).
// Nothing may block a task for long: libedit, stdin and signals have threads of their own.
NIOSingletons.groupLoopCountSuggestion = 1
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
let code = await Launcher.main(Array(CommandLine.arguments.dropFirst()))
exit(code)
