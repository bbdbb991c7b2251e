// Package apiconv converts between Friction's domain types and the friction.v1
// protobuf messages. The server and the CLI both use it; the domain packages stay
// free of protobuf.
package apiconv
