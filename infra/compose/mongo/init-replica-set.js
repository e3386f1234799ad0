// Run by the mongo-init service on every `docker compose up` (mongosh, as root, connected to mongo1): initiates the
// replica set unless it exists, waits for a primary, and creates the user TTX connects as (readWrite on its database
// only) unless it exists. On a later run mongo1 may be a secondary: the user is then created through the primary.
try {
  rs.status();
} catch (e) {
  rs.initiate({_id: "rs0", members: [
    {_id: 0, host: "mongo1:27017"}, {_id: 1, host: "mongo2:27017"}, {_id: 2, host: "mongo3:27017"}]});
}
let hello = db.hello();
while (!hello.primary) {
  sleep(500);
  hello = db.hello();
}
const admin = hello.isWritablePrimary ? db.getSiblingDB("admin")
  : new Mongo("mongodb://root:" + encodeURIComponent(process.env.MONGO_ROOT_PASSWORD) + "@" + hello.primary + "/admin").getDB("admin");
if (admin.getUser("ttx") === null) {
  admin.createUser({user: "ttx", pwd: process.env.TTX_MONGODB_PASSWORD, roles: [{role: "readWrite", db: "ttx"}]});
}
print("replica set rs0 ready (primary " + hello.primary + "), user ttx present");
