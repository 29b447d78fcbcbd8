module earlylocale.porchlight

go 1.24
