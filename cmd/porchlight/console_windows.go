package main

import (
	"os"
	"syscall"
)

// The Windows release is a GUI program (-H windowsgui: no console window when
// double-clicked), so Windows hands it no stdout. Started from a command
// prompt, it attaches to that prompt's console so --version and messages show.
func init() { attachParentConsole() }

func attachParentConsole() {
	h, err := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE)
	if err == nil && h != 0 && h != syscall.InvalidHandle {
		return // a console program, or output redirected to a file or pipe
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // double-clicked: there is no console to attach to
	}
	if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = f, f
	}
}
