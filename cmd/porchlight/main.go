// Command porchlight runs the Porchlight desktop app for a sober-living house.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	_ "earlylocale.porchlight" // before Fyne reads the locale: see the package

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"porchlight/app"
	"porchlight/data"
)

var version = "dev" // .ci/release sets it from FyneApp.toml (-X main.version)

func main() {
	started := time.Now()
	if isCommandLine(os.Args[1:]) {
		// Fyne's driver locks the main goroutine to the main OS thread
		// (GLFW needs it). A command run there pays a thread hand-off at
		// every wait on the store: ten years of demo history took 95 s
		// instead of 40. Commands run on an ordinary goroutine.
		code := make(chan int)
		go func() { code <- runCLI(osEnv(), os.Args[1:]) }()
		os.Exit(<-code)
	}
	dir := flag.String("data", defaultDir(), "folder holding the house's encrypted records")
	demo := flag.Bool("demo", false, "open a throwaway demo house (never the real records)")
	kiosk := flag.Bool("kiosk", false, "start full screen on the sign-in kiosk")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *showVersion {
		fmt.Println("porchlight", version)
		return
	}
	opts := app.Options{Version: version, Demo: *demo, Kiosk: *kiosk}
	if os.Getenv("PORCHLIGHT_TIMING") != "" {
		opts.Timing = func(what string, took time.Duration) {
			fmt.Fprintf(os.Stderr, "timing: %s: %d ms\n", what, took.Milliseconds())
		}
	}
	if err := run(*dir, opts, started); err != nil {
		fmt.Fprintln(os.Stderr, "Porchlight:", err)
		os.Exit(1)
	}
}

// tuneGC collects garbage sooner than Go's default. The kiosk runs all day
// on modest computers: with GOGC=50 its resident memory stays about 70 MB
// lower and flat (README, "Speed and memory"). A GOGC in the environment
// wins.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
}

func run(dir string, opts app.Options, started time.Time) error {
	tuneGC()
	if opts.Demo {
		tmp, err := os.MkdirTemp("", "porchlight-demo-")
		if err != nil {
			return fmt.Errorf("make demo folder: %w", err)
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	a := fyneapp.NewWithID("org.porchlight.app")
	vault, err := openVault(dir, opts.Demo)
	if err != nil {
		fmt.Fprintln(os.Stderr, "Porchlight:", err)
		app.ShowStartupError(a, err, func(d string) (*data.Vault, error) { return openVault(d, false) }, opts).ShowAndRun()
		os.Exit(1)
	}
	ui := app.New(a, vault, opts)
	defer ui.Close()
	if opts.Demo {
		st, err := data.CreateDemo(vault)
		if err != nil {
			return err
		}
		ui.StartUnlocked(st)
	} else {
		ui.Start()
	}
	if opts.Timing != nil {
		a.Lifecycle().SetOnStarted(func() {
			fyne.Do(func() { opts.Timing("main started to the first window shown", time.Since(started)) })
		})
	}
	ui.Window().ShowAndRun()
	return nil
}

func openVault(dir string, demo bool, more ...data.VaultOption) (*data.Vault, error) {
	opts := more
	if demo {
		opts = append(opts, data.WithKDF(data.DemoKDF))
	}
	v, err := data.OpenVault(dir, opts...)
	switch {
	case errors.Is(err, data.ErrAlreadyOpen):
		return nil, fmt.Errorf("Porchlight is already open on %s (another window or command holds it); close it first", dir)
	case errors.Is(err, data.ErrNotAStore):
		return nil, fmt.Errorf("%s holds other files and is not a Porchlight store; choose an empty folder with --data", dir)
	case err != nil:
		return nil, fmt.Errorf("open %s: %w", dir, err)
	}
	return v, nil
}

// defaultDir is the store folder under the user's config folder.
func defaultDir() string {
	base, err := os.UserConfigDir()
	if err != nil {
		base = "."
	}
	return filepath.Join(base, "porchlight")
}
