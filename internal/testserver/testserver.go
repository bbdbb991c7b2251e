// Package testserver starts a real Friction gRPC server (engine, store, index and
// all) on a loopback port the kernel picks, for tests in other packages.
package testserver

import (
	"net"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/frictionhq/friction/engine"
	pb "github.com/frictionhq/friction/proto/friction/v1"
	"github.com/frictionhq/friction/server"
)

// Server is a running test server.
type Server struct {
	Addr   string
	Engine *engine.Engine
	Conn   *grpc.ClientConn
	Client pb.FrictionServiceClient
}

// Start starts a server on a fresh data directory and stops it when the test ends.
func Start(t testing.TB, opts server.Options) *Server {
	t.Helper()
	eng, err := engine.Open(engine.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gs, _ := server.New(eng, opts)
	go gs.Serve(lis)
	conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		gs.GracefulStop()
		eng.Close()
	})
	return &Server{Addr: lis.Addr().String(), Engine: eng, Conn: conn, Client: pb.NewFrictionServiceClient(conn)}
}
