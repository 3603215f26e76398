// The ast executable: parses the command line and hands over to the libraries (see Launcher.swift).
import Foundation

signal(SIGPIPE, SIG_IGN)
let code = await Launcher.main(Array(CommandLine.arguments.dropFirst()))
exit(code)
