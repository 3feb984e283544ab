package main

import (
	"errors"
	"net/url"
	"strconv"
)

// urlValue is a flag holding an absolute http or https address, checked
// when it is given: a site's links are made from it.
type urlValue struct{ s *string }

func (v urlValue) String() string {
	if v.s == nil {
		return ""
	}
	return *v.s
}

func (v urlValue) Set(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return errors.New("must be an absolute http or https address, such as https://example.org/")
	}
	*v.s = s
	return nil
}

// portValue is a flag holding a TCP port number, 0 to 65535 (0: any free
// port).
type portValue struct{ n *int }

func (v portValue) String() string {
	if v.n == nil {
		return "0"
	}
	return strconv.Itoa(*v.n)
}

func (v portValue) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 65535 {
		return errors.New("must be a port number from 0 to 65535, such as 1313")
	}
	*v.n = n
	return nil
}
