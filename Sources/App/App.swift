/// The Taitotutka web application: routes, handlers, views, sign-in and access.
public enum AppModule {}
