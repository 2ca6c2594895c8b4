import EDXCLI

EDXCommand.runAndExit()
